import Foundation
import TestSupport
import Net
import Testing
@testable import Insight

/// Records the waits a client asks for instead of sleeping through them.
actor SleepRecorder {
    private(set) var waits: [Double] = []
    func record(_ s: Double) { waits.append(s) }
}

func stats(_ server: FakeServer) async throws -> [String: Int] {
    let response = try await HTTPClient().send(HTTPRequest(url: server.base + "/__stats"))
    return (try JSONSerialization.jsonObject(with: response.body) as? [String: Int]) ?? [:]
}

/// Collects what a retry policy reports, synchronously, so nothing is waited for to read it.
final class NoteRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []
    func record(_ s: String) { lock.withLock { collected.append(s) } }
    var notes: [String] { lock.withLock { collected } }
}

@Suite struct RedditClientTests {
    let sleeps = SleepRecorder()

    func client(_ server: FakeServer, secret: String = "test-secret", readTimeout: Double = 30) -> RedditClient {
        let recorder = sleeps
        return RedditClient(
            credentials: RedditCredentials(clientID: "test-id", clientSecret: secret),
            apiBase: server.base, authBase: server.base,
            retry: RetryPolicy(maxAttempts: 4, baseDelay: 1, maxDelay: 30, sleep: { await recorder.record($0) }),
            readTimeout: readTimeout)
    }

    @Test func searchesAllAndSubredditsFollowingAfter() async throws {
        let server = try FakeServer()
        let result = try await client(server).searchAll("pill button", subreddits: [nil, "web_design"], maxPosts: 50)
        #expect(result.posts.count == 10)
        #expect(Set(result.posts.map(\.community)) == ["r/all", "r/web_design"])
        let first = try #require(result.posts.first)
        #expect(first.id == "reddit:pill b0")
        #expect(first.url == "https://www.reddit.com/r/all/comments/pill b0/thoughts/")
        #expect(first.text.hasPrefix("Thoughts on the pill button design #0\n\nI love this pill button"))
        #expect(first.created == Date(timeIntervalSince1970: 1732000000))
        // Pages of 2 follow `after` until the listing ends: 2 + 2 + 1.
        let paged = try await client(server).searchAll("pages", maxPosts: 50, pageSize: 2)
        #expect(paged.posts.map(\.id) == ["reddit:pages0", "reddit:pages1", "reddit:pages2", "reddit:pages3", "reddit:pages4"])
        #expect(paged.raw.count == 3)
        #expect(result.raw.allSatisfy { $0.status == 200 })
        let counts = try await stats(server)
        #expect(counts["POST /api/v1/access_token"] == 2)  // one token per client
    }

    @Test func rateLimitedRequestWaitsForTheResetThenSucceeds() async throws {
        let server = try FakeServer()
        let page = try await client(server).search("ratelimit")
        #expect(page.posts.count == 5)
        #expect(await sleeps.waits == [1])
        #expect(try await stats(server)["GET /search ratelimit"] == 2)
    }

    @Test func usedUpWindowWaitsBeforeTheNextRequest() async throws {
        let server = try FakeServer()
        let reddit = client(server)
        _ = try await reddit.search("exhaust")
        #expect(await sleeps.waits.isEmpty)
        _ = try await reddit.search("exhaust")
        let waits = await sleeps.waits
        #expect(waits.count == 1 && waits[0] > 1 && waits[0] <= 2, "\(waits)")
    }

    /// Reddit's window is 600 s: a reset it announces is waited for in full up to that, beyond
    /// the 30 s backoff cap, and the wait is reported; a longer one is cut to 600 s and says so.
    @Test func longResetsAreHonouredUpTo600SecondsAndReported() async throws {
        let server = try FakeServer()
        let notes = NoteRecorder()
        let recorder = sleeps
        let reddit = RedditClient(
            credentials: RedditCredentials(clientID: "test-id", clientSecret: "test-secret"), apiBase: server.base, authBase: server.base,
            retry: RetryPolicy(maxAttempts: 4, baseDelay: 1, maxDelay: 30, sleep: { await recorder.record($0) },
                               report: { notes.record($0) }))
        #expect(try await reddit.search("ratelimit420").posts.count == 5)
        #expect(try await reddit.search("ratelimit900").posts.count == 5)
        _ = try await reddit.search("exhaustlong")
        _ = try await reddit.search("exhaustlong")
        let waits = await sleeps.waits
        #expect(waits.count == 3, "\(waits)")
        #expect(waits.prefix(2) == [420, 600])
        #expect(waits.count == 3 && waits[2] > 290 && waits[2] <= 300, "the used-up window is waited out: \(waits)")
        let said = notes.notes
        #expect(said.count == 3, "\(said)")
        #expect(said.first == "Reddit rate limit (HTTP 429): waiting 420 s for the window to reset")
        #expect(said.dropFirst().first == "Reddit rate limit (HTTP 429): the server asked for 900 s; waiting 600 s, the longest MockPilot waits")
        #expect(said.last?.hasPrefix("Reddit rate limit (X-Ratelimit-Remaining 0): waiting ") == true, "\(said)")
        #expect(said.last?.hasSuffix(" s for the window to reset") == true)
    }

    @Test func serverErrorsAreRetriedWithBackoff() async throws {
        let server = try FakeServer()
        let page = try await client(server).search("flaky")
        #expect(page.posts.count == 5)
        #expect(await sleeps.waits == [1, 2])
        #expect(try await stats(server)["GET /search flaky"] == 3)
    }

    @Test func persistentFailureIsReportedAfterBoundedAttempts() async throws {
        let server = try FakeServer()
        await #expect(throws: InsightError.unavailable(source: "Reddit", reason: "HTTP 500 from \(server.base)/search?q=down&sort=relevance&limit=100&raw_json=1&type=link", attempts: 4)) {
            _ = try await client(server).search("down")
        }
        #expect(try await stats(server)["GET /search down"] == 4)
        #expect(await sleeps.waits == [1, 2, 4])
    }

    @Test func stallPastTimeoutIsRetried() async throws {
        let server = try FakeServer(stall: 4)
        let page = try await client(server, readTimeout: 1).search("stall")
        #expect(page.posts.count == 5)
        #expect(try await stats(server)["GET /search stall"] == 2)
    }

    @Test func malformedJSONIsReportedNotRetried() async throws {
        let server = try FakeServer()
        let error = await #expect(throws: InsightError.self) { _ = try await client(server).search("malformed") }
        #expect(error?.localizedDescription.hasPrefix("Reddit sent a response we cannot read") == true)
        #expect(try await stats(server)["GET /search malformed"] == 1)
    }

    @Test func rejectedCredentialsSayWhatToCheck() async throws {
        let server = try FakeServer()
        let error = await #expect(throws: InsightError.self) { _ = try await client(server, secret: "wrong").search("x") }
        #expect(error?.localizedDescription == "Reddit rejected the credentials (HTTP 401); check REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET (an app at reddit.com/prefs/apps)")
        #expect(try await stats(server)["GET /search x"] == nil)
    }

    /// The token endpoint was fine, but the API itself refuses the token (revoked, or expired
    /// early): the client fetches a fresh one once and repeats the request.
    @Test func aTokenTheAPIRefusesIsRenewedOnce() async throws {
        let server = try FakeServer()
        let page = try await client(server).search("revoked")
        #expect(page.posts.count == 5)
        let counts = try await stats(server)
        #expect(counts["POST /api/v1/access_token"] == 2)
        #expect(counts["GET /search revoked"] == 2)
    }

    @Test func aTokenRefusedTwiceIsReportedNotLooped() async throws {
        let server = try FakeServer()
        let error = await #expect(throws: InsightError.self) { _ = try await client(server).search("alwaysrevoked") }
        #expect(error == .credentialsRejected(source: "Reddit", status: 401, hint: RedditClient.credentialsHint))
        let counts = try await stats(server)
        #expect(counts["POST /api/v1/access_token"] == 2)
        #expect(counts["GET /search alwaysrevoked"] == 2)
    }

    @Test func userAgentFollowsRedditsForm() {
        var sources = SourceConfiguration()
        #expect(sources.redditUserAgent == "linux:mockpilot:0.1.0", "no username is left out, not made up")
        sources.redditUsername = "/u/ana"
        #expect(sources.redditUserAgent == "linux:mockpilot:0.1.0 (by /u/ana)")
        sources.redditUsername = "u/bo"
        #expect(sources.redditUserAgent == "linux:mockpilot:0.1.0 (by /u/bo)")
    }

    @Test func missingCredentialsNameTheVariablesAndTheSettings() {
        let error = #expect(throws: InsightError.self) { _ = try SourceConfiguration().redditCredentials() }
        #expect(error?.localizedDescription == "Reddit needs credentials: set REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET, or insights.reddit_client_id and insights.reddit_client_secret in the config")
    }
}
