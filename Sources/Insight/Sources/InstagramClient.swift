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
    var budget: HashtagBudget

    public init(accessToken: String, userID: String, budget: HashtagBudget,
                graphBase: String = "https://graph.facebook.com/v19.0", http: HTTPClient = HTTPClient(),
                retry: RetryPolicy = RetryPolicy()) {
        self.accessToken = accessToken
        self.userID = userID
        self.budget = budget
        self.graphBase = graphBase
        self.http = http
        self.retry = retry
    }

    public var remainingHashtags: Int { budget.remaining() }

    /// Media for `#hashtag` from the chosen edges, with the raw bodies fetched.
    public func media(hashtag: String, edges: [Edge] = [.top, .recent]) async throws -> (posts: [Post], raw: [RawResponse]) {
        let tag = hashtag.hasPrefix("#") ? String(hashtag.dropFirst()) : hashtag
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
                let likes = (item["like_count"] as? NSNumber)?.intValue ?? 0
                posts.append(Post(id: "instagram:" + mediaID, source: "instagram", author: "", community: "#" + tag,
                                  text: caption, url: item["permalink"] as? String ?? "", created: created, score: likes))
            }
        }
        return (posts, raws)
    }

    private func get(_ url: String) async throws -> ([String: Any], RawResponse) {
        let response = try await retry.send(HTTPRequest(url: url, headers: ["User-Agent": RedditClient.defaultUserAgent]),
                                            with: http, source: "Instagram")
        let shown = url.replacingOccurrences(of: accessToken, with: "***")
        let raw = RawResponse(url: shown, fetched: Date(), status: response.status, body: response.body)
        let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        if let error = object?["error"] as? [String: Any] {
            let message = error["message"] as? String ?? "error"
            if (error["code"] as? Int) == 190 || response.status == 401 {
                throw InsightError.credentialsRejected(source: "Instagram", status: response.status,
                                                       hint: "\(message) Check INSTAGRAM_ACCESS_TOKEN")
            }
            throw InsightError.source(name: "Instagram", reason: message)
        }
        guard (200..<300).contains(response.status) else {
            throw InsightError.unavailable(source: "Instagram", reason: "HTTP \(response.status) from \(shown)", attempts: retry.maxAttempts)
        }
        guard let object else { throw InsightError.malformedResponse(source: "Instagram", url: shown, reason: "not a JSON object") }
        return (object, raw)
    }

    /// Graph API timestamps look like 2024-11-20T10:00:00+0000.
    static func parseTimestamp(_ s: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ssZ"
        return f.date(from: s)
    }
}
