import Foundation
import Net

/// App-only credentials for Reddit's OAuth2 API (a "script" or "web" app's id and secret).
public struct RedditCredentials: Sendable, Hashable {
    public var clientID: String
    public var clientSecret: String

    public init(clientID: String, clientSecret: String) {
        self.clientID = clientID
        self.clientSecret = clientSecret
    }
}

/// One page of a Reddit search: its posts, the cursor for the next page, and the raw body.
public struct RedditPage: Sendable {
    public var posts: [Post]
    public var after: String?
    public var raw: RawResponse
}

/// Searches Reddit through its OAuth API with an app-only token, honouring its rate-limit
/// headers and retrying what is retryable.
public actor RedditClient {
    /// Reddit's form without the "(by /u/...)" part, which needs a configured username.
    public static let defaultUserAgent = "linux:mockpilot:\(SourceConfiguration.version)"
    let credentials: RedditCredentials
    let userAgent: String
    let apiBase: String
    let authBase: String
    let http: HTTPClient
    let retry: RetryPolicy
    /// Seconds the API may stay silent before a request counts as timed out (and is retried).
    let readTimeout: Double
    private var token: (value: String, expires: Date)?
    /// From the last response's X-Ratelimit-* headers.
    private var remaining: Double?
    private var resetAt: Date?
    /// Answers not yet handed to `takeResponses()`.
    private var responses: [RawResponse] = []

    public init(credentials: RedditCredentials, userAgent: String = RedditClient.defaultUserAgent,
                apiBase: String = "https://oauth.reddit.com", authBase: String = "https://www.reddit.com",
                http: HTTPClient = HTTPClient(), retry: RetryPolicy = RetryPolicy(), readTimeout: Double = 30) {
        self.credentials = credentials
        self.readTimeout = readTimeout
        self.userAgent = userAgent
        self.apiBase = PlainHTTP.normalized(apiBase)
        self.authBase = PlainHTTP.normalized(authBase)
        self.http = http
        self.retry = retry
    }

    /// One page of `/search` (or `/r/{sub}/search` restricted to that subreddit).
    public func search(_ query: String, subreddit: String? = nil, sort: String = "relevance", limit: Int = 100,
                       after: String? = nil) async throws -> RedditPage {
        var items: [(String, String)] = [("q", query), ("sort", sort), ("limit", String(min(100, max(1, limit)))),
                                         ("raw_json", "1"), ("type", "link")]
        if subreddit != nil { items.append(("restrict_sr", "1")) }
        if let after { items.append(("after", after)) }
        let path = subreddit.map { "/r/\(URLQuery.escape($0))/search" } ?? "/search"
        let url = apiBase + path + "?" + URLQuery.encode(items)
        let response = try await authorizedGet(url)
        let raw = RawResponse(url: url, fetched: Date(), status: response.status, body: response.body)
        let (posts, next) = try RedditListing.parse(response.body, url: url)
        return RedditPage(posts: posts, after: next, raw: raw)
    }

    /// Up to `maxPosts` posts across pages (following `after`) for each community; nil means all of Reddit.
    /// Everything is held until the end: a caller that must keep pages as they come walks a
    /// `RedditSearchCursor` instead.
    public func searchAll(_ query: String, subreddits: [String?] = [nil], sort: String = "relevance",
                          maxPosts: Int = 100, pageSize: Int = 100) async throws -> (posts: [Post], raw: [RawResponse]) {
        var cursor = RedditSearchCursor(query: query, subreddits: subreddits, sort: sort, maxPosts: maxPosts, pageSize: pageSize)
        var posts: [Post] = []
        var raws: [RawResponse] = []
        while let page = try await cursor.next(using: self) {
            posts += page.posts
            raws.append(page.raw)
        }
        return (posts, raws)
    }

    /// Every answer the API gave since the last call (successes, and failures after their
    /// retries), so the raw cache keeps the bodies that could not be used too.
    public func takeResponses() -> [RawResponse] {
        defer { responses.removeAll() }
        return responses
    }

    private func authorizedGet(_ url: String) async throws -> HTTPResponse {
        try SourceEndpoints.requirePrivate(apiBase, source: "Reddit", variable: "MOCKPILOT_REDDIT_API")
        for attempt in 1...2 {
            let bearer = try await accessToken()
            try await waitForRateLimit()
            let request = HTTPRequest(url: url, headers: ["Authorization": "Bearer \(bearer)", "User-Agent": userAgent],
                                      readTimeout: readTimeout)
            let response = try await retry.send(request, with: http, source: "Reddit")
            responses.append(RawResponse(url: url, fetched: Date(), status: response.status, body: response.body))
            noteRateLimit(response)
            switch response.status {
            case 200..<300:
                return response
            case 401 where attempt == 1:
                token = nil  // expired or revoked: fetch a fresh one once
            case 401, 403:
                throw InsightError.credentialsRejected(source: "Reddit", status: response.status, hint: Self.credentialsHint)
            default:
                throw InsightError.unavailable(source: "Reddit", reason: "HTTP \(response.status) from \(url)", attempts: retry.maxAttempts)
            }
        }
        throw InsightError.credentialsRejected(source: "Reddit", status: 401, hint: Self.credentialsHint)
    }

    static let credentialsHint = "check REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET (an app at reddit.com/prefs/apps)"

    /// The client-credentials grant: POST /api/v1/access_token with HTTP basic auth.
    private func accessToken() async throws -> String {
        if let token, token.expires > Date() { return token.value }
        // The secret goes in the Authorization header: never over plain http to another machine.
        try SourceEndpoints.requirePrivate(authBase, source: "Reddit", variable: "MOCKPILOT_REDDIT_AUTH")
        let basic = Data("\(credentials.clientID):\(credentials.clientSecret)".utf8).base64EncodedString()
        let request = HTTPRequest(method: "POST", url: authBase + "/api/v1/access_token",
                                  headers: ["Authorization": "Basic \(basic)", "User-Agent": userAgent,
                                            "Content-Type": "application/x-www-form-urlencoded"],
                                  body: Data("grant_type=client_credentials".utf8))
        let response = try await retry.send(request, with: http, source: "Reddit")
        switch response.status {
        case 200:
            struct Grant: Decodable { var access_token: String; var expires_in: Double? }
            guard let grant = try? JSONDecoder().decode(Grant.self, from: response.body) else {
                throw InsightError.malformedResponse(source: "Reddit", url: request.url, reason: "no access_token in the answer")
            }
            // Renew a minute early so a token never expires mid-request. The lifetime is a number
            // from outside: held to a minute...a day (NaN and 1e300 included).
            let lifetime = grant.expires_in.map { $0.isNaN ? 3600 : min(86_400, max(120, $0)) } ?? 3600
            token = (grant.access_token, Date().addingTimeInterval(lifetime - 60))
            return grant.access_token
        case 400, 401, 403:
            throw InsightError.credentialsRejected(source: "Reddit", status: response.status, hint: Self.credentialsHint)
        default:
            throw InsightError.unavailable(source: "Reddit", reason: "HTTP \(response.status) from \(request.url)", attempts: retry.maxAttempts)
        }
    }

    private func noteRateLimit(_ response: HTTPResponse) {
        remaining = response.header("x-ratelimit-remaining").flatMap(Double.init).flatMap { $0.isNaN ? nil : $0 }
        resetAt = response.announcedWait("x-ratelimit-reset").map { Date().addingTimeInterval($0) }
    }

    /// With the window's requests used up, wait for the reset instead of collecting 429s.
    private func waitForRateLimit() async throws {
        guard let remaining, remaining < 1, let resetAt else { return }
        let wait = resetAt.timeIntervalSinceNow
        if wait > 0 { try await retry.waitForReset(wait, source: "Reddit", why: "rate limit (X-Ratelimit-Remaining 0)") }
        self.remaining = nil
    }
}

/// Where a search is across its communities and pages: asks for one page at a time, so the
/// caller can store each before the next is fetched.
public struct RedditSearchCursor: Sendable {
    public let query: String
    public let sort: String
    public let maxPosts: Int
    public let pageSize: Int
    private let subreddits: [String?]
    private var community = 0
    private var after: String?
    private var taken = 0

    public init(query: String, subreddits: [String?] = [nil], sort: String = "relevance", maxPosts: Int = 100, pageSize: Int = 100) {
        self.query = query
        self.subreddits = subreddits
        self.sort = sort
        self.maxPosts = maxPosts
        self.pageSize = pageSize
    }

    /// The next page, or nil when every community has given `maxPosts` or run out.
    public mutating func next(using client: RedditClient) async throws -> RedditPage? {
        guard community < subreddits.count else { return nil }
        let page = try await client.search(query, subreddit: subreddits[community], sort: sort,
                                           limit: min(pageSize, maxPosts - taken), after: after)
        taken += page.posts.count
        after = page.after
        if after == nil || taken >= maxPosts || page.posts.isEmpty {
            community += 1
            after = nil
            taken = 0
        }
        return page
    }
}
