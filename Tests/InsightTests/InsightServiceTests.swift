import Core
import Foundation
import TestSupport
import Testing
@testable import Insight

@Suite(.serialized) struct InsightServiceTests {
    static func service() throws -> (InsightService, String) {
        let dir = try TestSupport.temporaryDirectory()
        return (try InsightService(databasePath: dir + "/mockpilot.sqlite", modelsDirectory: ModelPaths.folder), dir)
    }

    /// Credentials the stand-in server accepts, its base URLs, and a budget file in `dir`.
    static func sources(_ server: FakeServer, dir: String, secret: String = "test-secret") -> SourceConfiguration {
        var s = SourceConfiguration()
        s.redditClientID = "test-id"
        s.redditClientSecret = secret
        s.instagramToken = "ig-token"
        s.instagramAccountID = "1784"
        s.endpoints.redditAPI = server.base
        s.endpoints.redditAuth = server.base
        s.endpoints.instagramGraph = server.base + "/v19.0"
        s.hashtagBudgetPath = dir + "/b.json"
        return s
    }

    static let noWait = RetryPolicy(maxAttempts: 3, baseDelay: 0, maxDelay: 0, sleep: { _ in })

    @Test func summaryOfTheNearestPosts() async throws {
        let (service, _) = try Self.service()
        let posts = [
            ("1", "I love the Stripe pay button, the gradient is gorgeous", "r/web_design"),
            ("2", "The Stripe checkout button hover animation is so smooth and lovely!", "r/webdev"),
            ("3", "As a designer I hate how the Stripe button looks now, awful contrast", "r/userexperience"),
            ("4", "My sourdough starter died again, any tips for bread?", "r/Breadit"),
        ].map { Post(id: "file:" + $0.0, source: "file", author: "a", community: $0.2, text: $0.1, url: "",
                     created: Date(timeIntervalSince1970: 1_732_000_000), score: 1) }
        let report = try await service.ingest(posts)
        #expect(report == IngestReport(fetched: 4, new: 4, duplicates: 0))
        let summary = try await service.summary(for: InsightQuery(component: "button", styles: ["hover"], brands: ["Stripe"]), k: 10)
        #expect(summary.query == "stripe button hover")
        // The bread post is not about the button.
        #expect(summary.count == 3)
        #expect(summary.distribution.reduce(0, +) == 3)
        #expect(summary.distribution[4] == 2 && summary.distribution[0] == 1)
        #expect(summary.meanSentiment > 0)
        // The strongest praise first, then the strongest complaint.
        let praise = try #require(summary.quotes.first)
        #expect(praise.sentiment > 0.5 && praise.sentiment == summary.quotes.map(\.sentiment).max())
        #expect(praise.date == "2024-11-19")
        #expect(summary.quotes.dropFirst().first?.text.contains("awful contrast") == true)
        #expect((summary.quotes.dropFirst().first?.sentiment ?? 0) < 0)
        #expect(summary.tags["Designer"] == 2)  // "as a designer" in r/userexperience, and r/web_design
        #expect(summary.tags["Frontend Dev"] == 1)
    }

    @Test func failedFetchesKeepWhatIsStored() async throws {
        let server = try FakeServer()
        let (service, dir) = try Self.service()
        let sources = Self.sources(server, dir: dir)
        let first = try await service.mine("pill button", from: .reddit(subreddits: ["web_design"]), sources: sources,
                                           retry: Self.noWait)
        #expect(first.report.new == 5)
        for failing in ["down", "malformed"] {
            await #expect(throws: InsightError.self) {
                _ = try await service.mine(failing, from: .reddit(subreddits: ["all"]), sources: sources, retry: Self.noWait)
            }
        }
        await #expect(throws: InsightError.self) {
            _ = try await service.mine("x", from: .reddit(subreddits: ["all"]), sources: Self.sources(server, dir: dir, secret: "wrong"),
                                       retry: Self.noWait)
        }
        #expect(try await service.store.count() == 5)
        let again = try await service.mine("pill button", from: .reddit(subreddits: ["web_design"]), sources: sources,
                                           retry: Self.noWait)
        #expect(again.report == IngestReport(fetched: 5, new: 0, duplicates: 5))
        let ig = try await service.mine("gradient", from: .instagram(hashtags: []), sources: sources, retry: Self.noWait)
        #expect(ig.report.new == 6)
        #expect(try await service.store.count(source: "instagram") == 6)
        // A Reddit page per mine that reached the API (the 500 and the malformed body too), 3 Instagram bodies.
        let cached = try await service.store.cachedResponses()
        #expect(cached.count == 7)
        #expect(cached.map(\.status).filter { $0 == 500 }.count == 1)
        #expect(cached.contains { String(decoding: $0.body, as: UTF8.self).hasPrefix(#"{"kind": "Listing", "data": {"children": ["#) })
    }

    @Test func aFailedSecondPageKeepsTheFirst() async throws {
        let server = try FakeServer()
        let (service, dir) = try Self.service()
        let error = await #expect(throws: InsightError.self) {
            _ = try await service.mine("page2fail", from: .reddit(subreddits: ["all"]), sources: Self.sources(server, dir: dir),
                                       retry: Self.noWait)
        }
        #expect(error?.localizedDescription.hasPrefix("Reddit still failing after 3 attempts: HTTP 500 from ") == true)
        #expect(error?.localizedDescription.hasSuffix("(the 2 posts fetched before it are stored)") == true, "\(String(describing: error))")
        #expect(try await service.store.posts(ids: ["reddit:page2f0", "reddit:page2f1"]).count == 2)
        #expect(try await service.store.cachedResponses().map(\.status) == [200, 500])
    }

    @Test func aRateLimitedSecondHashtagKeepsTheFirst() async throws {
        let server = try FakeServer()
        let (service, dir) = try Self.service()
        let error = await #expect(throws: InsightError.self) {
            _ = try await service.mine("x", from: .instagram(hashtags: ["uidesign", "ratelimited"]), sources: Self.sources(server, dir: dir),
                                       retry: Self.noWait)
        }
        #expect(error?.localizedDescription.contains("HTTP 429") == true, "\(String(describing: error))")
        #expect(error?.localizedDescription.contains("(#4) Application request limit reached") == true)
        #expect(error?.localizedDescription.hasSuffix("(the 6 posts fetched before it are stored)") == true)
        #expect(try await service.store.count(source: "instagram") == 6)
        let cached = try await service.store.cachedResponses()
        #expect(cached.last?.status == 429)
        #expect(cached.allSatisfy { !$0.url.contains("ig-token") })
    }

    @Test func dumpImportSkipsBadLinesAndKeepsTheRest() async throws {
        let (service, dir) = try Self.service()
        let dump = dir + "/dump.jsonl"
        let lines = [
            #"{"id":"a1","author":"x","subreddit":"web_design","title":"Pill buttons everywhere","selftext":"and I like it","created_utc":1609459200,"score":3,"permalink":"/r/web_design/comments/a1/"}"#,
            #"{"id":"c2","author":"y","subreddit":"webdev","body":"this hover state is terrible","created_utc":"1609459300","score":"7","permalink":"/r/webdev/comments/a1/x/c2/"}"#,
            #"{"id":"d3","author":"z","subreddit":"webdev","body":"[deleted]","created_utc":1609459400}"#,
            #"{not json"#,
            "",
        ]
        try lines.joined(separator: "\n").write(toFile: dump, atomically: true, encoding: .utf8)
        let result = try await service.mine("ignored", from: .file(dump), sources: SourceConfiguration())
        #expect(result.report.new == 2)
        #expect(result.skipped.map(\.line) == [3, 4])
        let comment = try #require(try await service.store.posts(ids: ["reddit:c2"])["reddit:c2"])
        #expect(comment.score == 7)
        #expect(comment.created == Date(timeIntervalSince1970: 1_609_459_300))
        #expect(comment.url == "https://www.reddit.com/r/webdev/comments/a1/x/c2/")
        #expect((comment.sentiment ?? 0) < 0)
        #expect(comment.embedding?.count == 384)
    }
}
