import Foundation
import Net
import TestSupport
import Testing
@testable import Insight

/// What a source sends is a number from outside (rate-limit resets, waits); where credentials
/// go follows the model backends' rule. Neither may trap `mine` or send a secret in the clear.
@Suite struct HostileSourceTests {
    let sleeps = SleepRecorder()
    let notes = NoteRecorder()

    func client(_ server: FakeServer, api: String? = nil, auth: String? = nil) -> RedditClient {
        let recorder = sleeps, notes = notes
        return RedditClient(credentials: RedditCredentials(clientID: "test-id", clientSecret: "test-secret"),
                            apiBase: api ?? server.base, authBase: auth ?? server.base,
                            retry: RetryPolicy(maxAttempts: 4, baseDelay: 1, maxDelay: 30, sleep: { await recorder.record($0) },
                                               report: { notes.record($0) }))
    }

    /// A 429 whose X-Ratelimit-Reset is 1e300 or inf is waited for as long as MockPilot ever
    /// waits (600 s), and said so; "nan" is no word at all, and the backoff applies.
    @Test func absurdResetsOnA429AreClampedToTheLongestWait() async throws {
        let server = try FakeServer()
        let reddit = client(server)
        #expect(try await reddit.search("ratelimithuge").posts.count == 5)
        #expect(try await reddit.search("ratelimitinf").posts.count == 5)
        #expect(try await reddit.search("ratelimitnan").posts.count == 5)
        #expect(await sleeps.waits == [600, 600, 1])
        #expect(notes.notes == Array(repeating: "Reddit rate limit (HTTP 429): the server asked for over 31536000 s; waiting 600 s, the longest MockPilot waits", count: 2))
    }

    /// A success that uses up the window with a reset of 1e300 s (the trap behind `mine`): the
    /// next request waits the longest wait instead of converting 1e300 to Int.
    @Test(arguments: ["exhausthuge", "exhaustinf"])
    func anAbsurdResetOfAUsedUpWindowIsClamped(query: String) async throws {
        let server = try FakeServer()
        let reddit = client(server)
        _ = try await reddit.search(query)
        _ = try await reddit.search(query)
        #expect(await sleeps.waits == [600])
        #expect(notes.notes.first?.hasSuffix("waiting 600 s, the longest MockPilot waits") == true, "\(notes.notes)")
    }

    @Test func aResetThatIsNotANumberIsNotWaitedFor() async throws {
        let server = try FakeServer()
        let reddit = client(server)
        _ = try await reddit.search("exhaustnan")
        _ = try await reddit.search("exhaustnan")
        #expect(await sleeps.waits.isEmpty)
    }

    /// 192.0.2.1 (TEST-NET-1) never answers: a connection would take the full connect timeout.
    /// The refusal is immediate, names the rule and the variable, and nothing is sent.
    @Test func redditOverPlainHTTPToAnotherMachineIsRefusedBeforeConnecting() async throws {
        let server = try FakeServer()
        for (api, auth, variable) in [(server.base, "http://192.0.2.1", "MOCKPILOT_REDDIT_AUTH"),
                                      ("HTTP://192.0.2.1", server.base, "MOCKPILOT_REDDIT_API")] {
            let started = ContinuousClock.now
            let error = await #expect(throws: InsightError.self) { _ = try await client(server, api: api, auth: auth).search("x") }
            #expect(ContinuousClock.now - started < .seconds(1))
            #expect(error?.localizedDescription == "Reddit needs an https:// address so its credentials are not sent unencrypted (http:// is only accepted for localhost), got http://192.0.2.1 (\(variable))")
        }
        #expect(try await stats(server)["POST /api/v1/access_token"] == nil, "no secret may leave before the check")
    }

    @Test func instagramOverPlainHTTPToAnotherMachineIsRefusedBeforeConnecting() async throws {
        let budget = try HashtagBudget(path: try TestSupport.temporaryDirectory() + "/budget.json")
        let client = InstagramClient(accessToken: "ig-token", userID: "1784", budget: budget, graphBase: "http://192.0.2.1/v19.0")
        let started = ContinuousClock.now
        await #expect(throws: InsightError.plainHTTP(source: "Instagram", url: "http://192.0.2.1/v19.0", variable: "MOCKPILOT_INSTAGRAM_API")) {
            _ = try await client.media(hashtag: "ux")
        }
        #expect(ContinuousClock.now - started < .seconds(1))
        #expect(await client.remainingHashtags == 30, "a refused search spends no hashtag")
    }

    /// Schemes are case-insensitive: an upper-case loopback address is http to loopback, accepted.
    @Test func anUpperCaseLoopbackAddressIsAccepted() async throws {
        let server = try FakeServer()
        let upper = "HTTP://127.0.0.1:\(server.port)"
        #expect(try await client(server, api: upper, auth: upper).search("pill").posts.count == 5)
        var endpoints = SourceEndpoints.fromEnvironment(["MOCKPILOT_REDDIT_AUTH": upper, "MOCKPILOT_REDDIT_API": "Https://oauth.example.com"])
        #expect(endpoints.redditAuth == "http://127.0.0.1:\(server.port)" && endpoints.redditAPI == "https://oauth.example.com")
        try endpoints.checkPrivate(for: .reddit(subreddits: []))
        endpoints.instagramGraph = "http://graph.example.com"
        #expect(throws: InsightError.self) { try endpoints.checkPrivate(for: .instagram(hashtags: [])) }
        try endpoints.checkPrivate(for: .file("dump.jsonl"))
    }
}
