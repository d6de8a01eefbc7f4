import Foundation
import TestSupport
import Testing
@testable import Insight

@Suite struct InstagramClientTests {
    @Test func hashtagMediaFromTopAndRecent() async throws {
        let server = try FakeServer()
        let dir = try TestSupport.temporaryDirectory()
        let budget = try HashtagBudget(path: dir + "/budget.json")
        let client = InstagramClient(accessToken: "ig-token", userID: "1784", budget: budget, graphBase: server.base + "/v19.0")
        let result = try await client.media(hashtag: "#uidesign")
        #expect(result.posts.count == 6)
        let first = try #require(result.posts.first)
        #expect(first.community == "#uidesign")
        #expect(first.text == "Obsessed with this gradient button 😍 #uidesign")
        #expect(first.url.hasPrefix("https://www.instagram.com/p/") && first.url.hasSuffix("top0/"), "\(first.url)")
        #expect(result.raw.allSatisfy { !$0.url.contains("ig-token") })
        #expect(await client.remainingHashtags == 29)
        // The budget is on disk: a new process sees the spent hashtag.
        #expect(try HashtagBudget(path: dir + "/budget.json").remaining() == 29)
    }

    @Test func badTokenIsReported() async throws {
        let server = try FakeServer()
        let budget = try HashtagBudget(path: try TestSupport.temporaryDirectory() + "/b.json")
        let client = InstagramClient(accessToken: "expired", userID: "1784", budget: budget, graphBase: server.base + "/v19.0")
        let error = await #expect(throws: InsightError.self) { _ = try await client.media(hashtag: "ux") }
        #expect(error?.localizedDescription.hasPrefix("Instagram rejected the credentials (HTTP 400); Invalid OAuth access token.") == true)
    }

    func client(_ server: FakeServer, readTimeout: Double = 30) throws -> (InstagramClient, SleepRecorder) {
        let budget = try HashtagBudget(path: try TestSupport.temporaryDirectory() + "/b.json")
        let sleeps = SleepRecorder()
        let retry = RetryPolicy(maxAttempts: 3, baseDelay: 1, maxDelay: 30, sleep: { await sleeps.record($0) })
        return (InstagramClient(accessToken: "ig-token", userID: "1784", budget: budget, graphBase: server.base + "/v19.0",
                                retry: retry, readTimeout: readTimeout), sleeps)
    }

    /// Requests per Graph path ending in `suffix` ("/top_media"), from the server's counters.
    func requests(_ server: FakeServer, endingIn suffix: String) async throws -> Int {
        try await stats(server).filter { $0.key.hasPrefix("GET /") && $0.key.hasSuffix(suffix) }.values.reduce(0, +)
    }

    @Test func throttlingIsRetriedAfterRetryAfterThenReportedWithMetasReason() async throws {
        let server = try FakeServer()
        let (client, sleeps) = try client(server)
        let error = await #expect(throws: InsightError.self) { _ = try await client.media(hashtag: "ratelimited") }
        let text = error?.localizedDescription ?? ""
        #expect(text.hasPrefix("Instagram still failing after 3 attempts: HTTP 429 from \(server.base)/v19.0/"), "\(text)")
        #expect(text.hasSuffix(": (#4) Application request limit reached"))
        #expect(!text.contains("ig-token"), "the token never shows in a message")
        #expect(await sleeps.waits == [1, 1], "Retry-After: 1, twice")
        #expect(try await requests(server, endingIn: "/top_media") == 3)
    }

    @Test func serverErrorsAreRetriedWithBackoffThenReported() async throws {
        let server = try FakeServer()
        let (client, sleeps) = try client(server)
        let error = await #expect(throws: InsightError.self) { _ = try await client.media(hashtag: "down") }
        #expect(error?.localizedDescription.contains("HTTP 500") == true)
        #expect(error?.localizedDescription.hasSuffix("An unknown error has occurred.") == true)
        #expect(await sleeps.waits == [1, 2])
        #expect(try await requests(server, endingIn: "/top_media") == 3)
    }

    @Test func aStallPastTheTimeoutIsRetried() async throws {
        let server = try FakeServer(stall: 4)
        let (client, _) = try client(server, readTimeout: 1)
        let result = try await client.media(hashtag: "stall")
        #expect(result.posts.count == 6)
        #expect(try await requests(server, endingIn: "/top_media") == 2)
    }

    @Test func malformedJSONIsReportedNotRetried() async throws {
        let server = try FakeServer()
        let (client, sleeps) = try client(server)
        let error = await #expect(throws: InsightError.self) { _ = try await client.media(hashtag: "malformed") }
        #expect(error?.localizedDescription.hasPrefix("Instagram sent a response we cannot read from ") == true)
        #expect(error?.localizedDescription.hasSuffix(": not a JSON object") == true)
        #expect(await sleeps.waits.isEmpty)
        #expect(try await requests(server, endingIn: "/top_media") == 1)
        let kept = await client.takeResponses()
        #expect(kept.last.map { String(decoding: $0.body, as: UTF8.self) } == #"{"data": [{"id": "1", "caption": "cut off"#)
    }

    @Test func thirtyDistinctHashtagsPerSevenDays() throws {
        var budget = try HashtagBudget(path: try TestSupport.temporaryDirectory() + "/b.json")
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        for i in 0..<30 { try budget.spend("tag\(i)", now: start.addingTimeInterval(Double(i))) }
        try budget.spend("TAG3", now: start.addingTimeInterval(100))  // already counted
        #expect(throws: InsightError.hashtagBudgetExhausted(used: 30, nextFree: start.addingTimeInterval(HashtagBudget.window))) {
            try budget.spend("one-more", now: start.addingTimeInterval(200))
        }
        try budget.spend("one-more", now: start.addingTimeInterval(HashtagBudget.window + 1))
        // tag0 and tag1 have left the window, one-more took one of the two freed places.
        #expect(budget.remaining(now: start.addingTimeInterval(HashtagBudget.window + 1)) == 1)
    }
}
