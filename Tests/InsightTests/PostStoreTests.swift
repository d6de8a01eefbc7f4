import Foundation
import GRDB
import Testing
@testable import Insight

/// A unit vector pointing mostly along `axis`, with a little of `tilt` along axis+1.
func unit(_ axis: Int, tilt: Float = 0) -> [Float] {
    var v = [Float](repeating: 0, count: 384)
    v[axis] = 1
    v[(axis + 1) % 384] = tilt
    let norm = (1 + tilt * tilt).squareRoot()
    return v.map { $0 / norm }
}

func samplePost(_ id: String, source: String = "reddit", text: String = "nice button", embedding: [Float]? = nil, score: Int = 1) -> Post {
    Post(id: id, source: source, author: "a", community: "r/web_design", text: text, url: "https://example.invalid/\(id)",
         created: Date(timeIntervalSince1970: 1_732_000_000), score: score, sentiment: 0.5,
         tags: [DemographicTag(tag: "Designer", evidence: "as a designer")], embedding: embedding)
}

@Suite struct PostStoreTests {
    @Test func savesDeduplicatesAndKeepsWhatWasStored() async throws {
        let store = try PostStore(path: try TestSupport.temporaryDirectory() + "/mockpilot.sqlite")
        #expect(try await store.save([samplePost("reddit:1", embedding: unit(0)), samplePost("reddit:2")]) == 2)
        // The same post again, with a new score and other text: only the score changes.
        #expect(try await store.save([samplePost("reddit:1", text: "changed", score: 99)]) == 0)
        let back = try #require(try await store.posts(ids: ["reddit:1"])["reddit:1"])
        #expect(back.text == "nice button")
        #expect(back.score == 99)
        #expect(back.embedding == unit(0))
        #expect(back.tags == [DemographicTag(tag: "Designer", evidence: "as a designer")])
        #expect(try await store.existing(["reddit:1", "reddit:3"]) == ["reddit:1"])
    }

    @Test func searchIsNearestFirstWithDistances() async throws {
        let store = try PostStore(path: try TestSupport.temporaryDirectory() + "/mockpilot.sqlite")
        try await store.save([
            samplePost("reddit:far", embedding: unit(5)),
            samplePost("reddit:near", embedding: unit(0, tilt: 0.1)),
            samplePost("instagram:nearer", source: "instagram", embedding: unit(0, tilt: 0.01)),
            samplePost("reddit:none"),
        ])
        let hits = try await store.nearest(to: unit(0), k: 2)
        #expect(hits.map(\.post.id) == ["instagram:nearer", "reddit:near"])
        #expect(abs(hits[0].distance - (1 - 1 / Float(1.0001).squareRoot())) < 1e-5)
        #expect(try await store.nearest(to: unit(0), k: 5, source: "reddit").map(\.post.id) == ["reddit:near", "reddit:far"])
        // Posts saved after the index was built are searchable too.
        try await store.save([samplePost("reddit:exact", embedding: unit(0))])
        #expect(try await store.nearest(to: unit(0), k: 1).first?.post.id == "reddit:exact")
    }

    @Test func rawResponsesAreCachedWithFetchTime() async throws {
        let store = try PostStore(path: try TestSupport.temporaryDirectory() + "/mockpilot.sqlite")
        let raw = RawResponse(url: "https://oauth.reddit.com/search?q=x", fetched: Date(timeIntervalSince1970: 1_700_000_000),
                              status: 200, body: Data("{\"kind\":\"Listing\"}".utf8))
        try await store.cache([raw])
        #expect(try await store.cachedResponses() == [raw])
    }

    /// The session store (another target) migrates the same file with its own migrator:
    /// both sets of tables and both migration histories survive, in either order.
    @Test func coexistsWithAnotherMigratorOnTheSameFile() async throws {
        let path = try TestSupport.temporaryDirectory() + "/mockpilot.sqlite"
        var sessions = DatabaseMigrator()
        sessions.registerMigration("store-v1") { db in
            try db.create(table: "utterance") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("text", .text)
            }
        }
        do {
            let pool = try DatabasePool(path: path)
            try sessions.migrate(pool)
            try await pool.write { try $0.execute(sql: "INSERT INTO utterance (text) VALUES ('make it purple')") }
        }
        let store = try PostStore(path: path)
        try await store.save([samplePost("reddit:1", embedding: unit(1))])
        // The session store opens the file again later and adds a migration.
        sessions.registerMigration("store-v2") { db in try db.alter(table: "utterance") { $0.add(column: "speaker", .text) } }
        let pool = try DatabasePool(path: path)
        try sessions.migrate(pool)
        let applied = try await pool.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        #expect(applied == ["insights-v1", "store-v1", "store-v2"])
        #expect(try await pool.read { try String.fetchOne($0, sql: "SELECT text FROM utterance") } == "make it purple")
        // And the post store reopens cleanly after it.
        let reopened = try PostStore(path: path)
        #expect(try await reopened.count() == 1)
        #expect(try await reopened.nearest(to: unit(1), k: 1).first?.post.id == "reddit:1")
    }
}
