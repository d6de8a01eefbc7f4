import Foundation
import GRDB
import Testing
@testable import Insight

/// A cached search response's URL is the query a meeting searched for, which quotes what was
/// said: it expires with the meeting. Posts are public and stay.
@Test func cachedResponsesOlderThanTheCutoffArePurgedAndPostsKept() async throws {
    let path = try TestSupport.temporaryDirectory() + "/mockpilot.sqlite"
    let pool = try DatabasePool(path: path)
    let store = try PostStore(pool: pool)
    let day: TimeInterval = 86_400
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let old = RawResponse(url: "https://oauth.reddit.com/search?q=zanzibar+pay+button", fetched: now - 8 * day,
                          status: 200, body: Data("{}".utf8))
    let recent = RawResponse(url: "https://oauth.reddit.com/search?q=navbar", fetched: now - 2 * day,
                             status: 200, body: Data("{}".utf8))
    try await store.cache([old, recent])
    _ = try await store.save([samplePost("p1")])

    #expect(try await store.purgeResponses(fetchedBefore: now - 7 * day) == 1)
    #expect(try await store.cachedResponses() == [recent])
    #expect(try await store.count() == 1)
}
