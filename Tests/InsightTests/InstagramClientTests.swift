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
