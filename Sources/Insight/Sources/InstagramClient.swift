import Foundation
import Net

/// Hashtag media from the Instagram Graph API: `ig_hashtag_search` for the id, then
/// `top_media` / `recent_media` with caption, permalink, timestamp and like_count.
public actor InstagramClient {
    public enum Edge: String, Sendable { case top = "top_media", recent = "recent_media" }

    let accessToken: String
    let userID: String
    let graphBase: String
    let http: HTTPClient
    let retry: RetryPolicy
    /// Seconds the API may stay silent before a request counts as timed out (and is retried).
    let readTimeout: Double
    var budget: HashtagBudget
    /// Answers not yet handed to `takeResponses()`.
    private var responses: [RawResponse] = []

    public init(accessToken: String, userID: String, budget: HashtagBudget,
                graphBase: String = "https://graph.facebook.com/v19.0", http: HTTPClient = HTTPClient(),
                retry: RetryPolicy = RetryPolicy(), readTimeout: Double = 30) {
        self.accessToken = accessToken
        self.userID = userID
        self.budget = budget
        self.graphBase = PlainHTTP.normalized(graphBase)
        self.http = http
        self.retry = retry
        self.readTimeout = readTimeout
    }

    public var remainingHashtags: Int { budget.remaining() }

    /// Every answer the API gave since the last call, failures included (token masked in the URL).
    public func takeResponses() -> [RawResponse] {
        defer { responses.removeAll() }
        return responses
    }

    /// Media for `#hashtag` from the chosen edges, with the raw bodies fetched.
    public func media(hashtag: String, edges: [Edge] = [.top, .recent]) async throws -> (posts: [Post], raw: [RawResponse]) {
        let tag = hashtag.hasPrefix("#") ? String(hashtag.dropFirst()) : hashtag
        // The token rides in the query string: never over plain http to another machine.
        try SourceEndpoints.requirePrivate(graphBase, source: "Instagram", variable: "MOCKPILOT_INSTAGRAM_API")
        try budget.spend(tag)
        let searchURL = graphBase + "/ig_hashtag_search?" + URLQuery.encode([("user_id", userID), ("q", tag), ("access_token", accessToken)])
        let (searchBody, searchRaw) = try await get(searchURL)
        guard let data = searchBody["data"] as? [[String: Any]], let id = data.first?["id"] as? String else {
            throw InsightError.malformedResponse(source: "Instagram", url: searchURL, reason: "no hashtag id in data[]")
        }
        var posts: [Post] = []
        var raws = [searchRaw]
        for edge in edges {
            let url = graphBase + "/\(id)/\(edge.rawValue)?" + URLQuery.encode([
                ("user_id", userID), ("fields", "id,caption,permalink,timestamp,like_count"), ("access_token", accessToken)])
            let (body, raw) = try await get(url)
            raws.append(raw)
            for item in body["data"] as? [[String: Any]] ?? [] {
                guard let mediaID = item["id"] as? String, let caption = item["caption"] as? String, !caption.isEmpty else { continue }
                let created = (item["timestamp"] as? String).flatMap(Self.parseTimestamp) ?? Date(timeIntervalSince1970: 0)
                // NSNumber.intValue of 1e300 is undefined; clamp as the Reddit counts are.
                let likeCount = (item["like_count"] as? NSNumber)?.doubleValue ?? 0
                let likes = likeCount.isFinite ? RedditListing.clampedInt(likeCount) : 0
                posts.append(Post(id: "instagram:" + mediaID, source: "instagram", author: "", community: "#" + tag,
                                  text: caption, url: item["permalink"] as? String ?? "", created: created, score: likes))
            }
        }
        return (posts, raws)
    }

    private func get(_ url: String) async throws -> ([String: Any], RawResponse) {
        let response = try await retry.send(HTTPRequest(url: url, headers: ["User-Agent": Self.userAgent], readTimeout: readTimeout),
                                            with: http, source: "Instagram")
        let shown = url.replacingOccurrences(of: accessToken, with: "***")
        let raw = RawResponse(url: shown, fetched: Date(), status: response.status, body: response.body)
        responses.append(raw)
        let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        let graphError = object?["error"] as? [String: Any]
        let message = graphError?["message"] as? String
        // Still refused after the retries (429 throttling, 5xx): say so with Meta's own reason.
        if RetryPolicy.isRetryable(status: response.status) {
            let reason = "HTTP \(response.status) from \(shown)" + (message.map { ": \($0)" } ?? "")
            throw InsightError.unavailable(source: "Instagram", reason: reason, attempts: retry.maxAttempts)
        }
        if let graphError {
            if (graphError["code"] as? Int) == 190 || response.status == 401 {
                throw InsightError.credentialsRejected(source: "Instagram", status: response.status,
                                                       hint: "\(message ?? "error") Check INSTAGRAM_ACCESS_TOKEN")
            }
            throw InsightError.source(name: "Instagram", reason: message ?? "error")
        }
        guard (200..<300).contains(response.status) else {
            throw InsightError.unavailable(source: "Instagram", reason: "HTTP \(response.status) from \(shown)", attempts: retry.maxAttempts)
        }
        guard let object else { throw InsightError.malformedResponse(source: "Instagram", url: shown, reason: "not a JSON object") }
        return (object, raw)
    }

    static let userAgent = "linux:mockpilot:\(SourceConfiguration.version)"

    /// Graph API timestamps look like 2024-11-20T10:00:00+0000.
    static func parseTimestamp(_ s: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ssZ"
        return f.date(from: s)
    }
}
