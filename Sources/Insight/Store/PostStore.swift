import Core
import Foundation
import GRDB

/// The posts MockPilot has gathered, in the same SQLite file as the session store
/// (`$XDG_DATA_HOME/mockpilot/mockpilot.sqlite`). Its tables and migrations are its own
/// ("insights-v1", ...): GRDB records applied migrations by name in one shared table, so this
/// migrator and the session store's run side by side on one file without touching each other's.
public actor PostStore {
    public let path: String
    private let writer: DatabasePool
    /// The embedding matrix for search, built on first use and kept current by writes.
    private var index: EmbeddingIndex?

    public init(path: String) throws {
        self.path = path
        do {
            try Paths.createFolder(holding: path)
            var config = Configuration()
            config.busyMode = .timeout(5)  // the session store writes to the same file
            writer = try DatabasePool(path: path, configuration: config)
            try Self.migrate(writer)
        } catch {
            throw InsightError.database(path: path, reason: "cannot open the post store: \(error)")
        }
    }

    /// On a pool already open on the file (the session store's), so a meeting writes the file
    /// through one pool: its writes queue in-process instead of contending for SQLite's lock.
    public init(pool: DatabasePool) throws {
        path = pool.path
        writer = pool
        do {
            try Self.migrate(writer)
        } catch {
            throw InsightError.database(path: path, reason: "cannot open the post store: \(error)")
        }
    }

    /// Two processes opening a new file at once can both find "insights-v1" unapplied (GRDB
    /// reads that before taking the write lock); the one that loses reads again and finds it done.
    private static func migrate(_ writer: DatabasePool) throws {
        var attempt = 1
        while true {
            do {
                return try migrator.migrate(writer)
            } catch is DatabaseError where attempt <= migrator.migrations.count {
                attempt += 1
            }
        }
    }

    /// `$XDG_DATA_HOME/mockpilot/mockpilot.sqlite`.
    public static func defaultPath(dataHome: String) -> String { dataHome + "/mockpilot.sqlite" }

    /// Append-only: never edit a registered migration, add "insights-v2".
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("insights-v1") { db in
            try db.create(table: "insight_post") { t in
                t.primaryKey("id", .text)
                t.column("source", .text).notNull().indexed()
                t.column("author", .text).notNull()
                t.column("community", .text).notNull()
                t.column("text", .text).notNull()
                t.column("url", .text).notNull()
                t.column("created", .double).notNull()
                t.column("score", .integer).notNull()
                t.column("sentiment", .double)
                t.column("tags", .text).notNull().defaults(to: "[]")
                t.column("embedding", .blob)  // 384 little-endian float32
                t.column("stored", .double).notNull()
            }
            try db.create(table: "insight_raw_response") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("url", .text).notNull()
                t.column("status", .integer).notNull()
                t.column("fetched", .double).notNull().indexed()
                t.column("body", .blob).notNull()
            }
        }
        return m
    }

    /// Inserts new posts; a post already stored keeps its text, sentiment, tags and embedding
    /// and only takes the fresh score. Returns how many were new.
    @discardableResult
    public func save(_ posts: [Post]) throws -> Int {
        let now = Date().timeIntervalSince1970
        let tagsJSON = JSONEncoder()
        var inserted: [Post] = []
        do {
            try writer.write { db in
                for post in posts {
                    let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM insight_post WHERE id = ?", arguments: [post.id]) ?? false
                    if exists {
                        try db.execute(sql: "UPDATE insight_post SET score = ? WHERE id = ?", arguments: [post.score, post.id])
                        continue
                    }
                    let tags = String(decoding: try tagsJSON.encode(post.tags), as: UTF8.self)
                    try db.execute(sql: """
                        INSERT INTO insight_post (id, source, author, community, text, url, created, score, sentiment, tags, embedding, stored)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [post.id, post.source, post.author, post.community, post.text, post.url,
                                         post.created.timeIntervalSince1970, post.score, post.sentiment, tags,
                                         post.embedding.map(Self.blob), now])
                    inserted.append(post)
                }
            }
        } catch {
            throw InsightError.database(path: path, reason: "could not save posts: \(error)")
        }
        index?.append(inserted)
        return inserted.count
    }

    /// Which of `ids` are already stored, so fetchers can skip embedding them again.
    public func existing(_ ids: [String]) throws -> Set<String> {
        try read { db in
            var found = Set<String>()
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min(ids.count, $0 + 500)]) }) {
                let marks = chunk.map { _ in "?" }.joined(separator: ",")
                found.formUnion(try String.fetchAll(db, sql: "SELECT id FROM insight_post WHERE id IN (\(marks))",
                                                    arguments: StatementArguments(chunk)))
            }
            return found
        }
    }

    public func count(source: String? = nil) throws -> Int {
        try read { db in
            if let source { return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM insight_post WHERE source = ?", arguments: [source]) ?? 0 }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM insight_post") ?? 0
        }
    }

    /// Stored posts by id; embeddings only when asked for (search results do not need them).
    public func posts(ids: [String], withEmbeddings: Bool = true) throws -> [String: Post] {
        let columns = "id, source, author, community, text, url, created, score, sentiment, tags" + (withEmbeddings ? ", embedding" : "")
        let decoder = JSONDecoder()
        return try read { db in
            var out: [String: Post] = [:]
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min(ids.count, $0 + 500)]) }) {
                let marks = chunk.map { _ in "?" }.joined(separator: ",")
                for row in try Row.fetchAll(db, sql: "SELECT \(columns) FROM insight_post WHERE id IN (\(marks))",
                                                arguments: StatementArguments(chunk)) {
                    let post = Self.post(from: row, decoder: decoder)
                    out[post.id] = post
                }
            }
            return out
        }
    }

    /// Keeps a fetched body verbatim with its fetch time.
    public func cache(_ responses: [RawResponse]) throws {
        do {
            try writer.write { db in
                for r in responses {
                    try db.execute(sql: "INSERT INTO insight_raw_response (url, status, fetched, body) VALUES (?, ?, ?, ?)",
                                   arguments: [r.url, r.status, r.fetched.timeIntervalSince1970, r.body])
                }
            }
        } catch {
            throw InsightError.database(path: path, reason: "could not cache responses: \(error)")
        }
    }

    /// Deletes fetched bodies older than `date` and returns how many went. Their URLs hold the
    /// queries a meeting searched for, which quote what was said, so they expire with the
    /// meeting; the posts themselves are public and kept.
    @discardableResult
    public func purgeResponses(fetchedBefore date: Date) throws -> Int {
        do {
            return try writer.write { db in
                try db.execute(sql: "DELETE FROM insight_raw_response WHERE fetched < ?",
                               arguments: [date.timeIntervalSince1970])
                return db.changesCount
            }
        } catch {
            throw InsightError.database(path: path, reason: "could not purge cached responses: \(error)")
        }
    }

    public func cachedResponses() throws -> [RawResponse] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT url, status, fetched, body FROM insight_raw_response ORDER BY id").map {
                RawResponse(url: $0["url"], fetched: Date(timeIntervalSince1970: $0["fetched"]), status: $0["status"], body: $0["body"])
            }
        }
    }

    /// Exact cosine search: the `k` stored posts nearest to `query` (an L2-normalised embedding).
    public func nearest(to query: [Float], k: Int, source: String? = nil) throws -> [(post: Post, distance: Float)] {
        if index == nil { index = try loadIndex() }
        guard let index else { return [] }
        let hits = index.nearest(to: query, k: k, source: source)
        let posts = try posts(ids: hits.map(\.id), withEmbeddings: false)
        return hits.compactMap { hit in posts[hit.id].map { ($0, hit.distance) } }
    }

    /// Whether the search matrix is in memory (built by `prepareIndex` or the first query).
    public var isIndexLoaded: Bool { index != nil }

    /// Builds the search matrix now (0.4 s at 100k posts) rather than on the first query.
    public func prepareIndex() throws {
        if index == nil { index = try loadIndex() }
    }

    private func loadIndex() throws -> EmbeddingIndex {
        try read { db in
            var index = EmbeddingIndex(dimension: EmbeddingIndex.miniLMDimension)
            let rows = try Row.fetchCursor(db, sql: "SELECT id, source, embedding FROM insight_post WHERE embedding IS NOT NULL")
            while let row = try rows.next() {
                let blob: Data = row["embedding"]
                index.add(id: row["id"], source: row["source"], vector: Self.floats(blob))
            }
            return index
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch {
            throw InsightError.database(path: path, reason: "could not read posts: \(error)")
        }
    }

    static func post(from row: Row, decoder: JSONDecoder) -> Post {
        let tagsText: String = row["tags"]
        let tags = (try? decoder.decode([DemographicTag].self, from: Data(tagsText.utf8))) ?? []
        let blob: Data? = row.hasColumn("embedding") ? row["embedding"] : nil
        return Post(id: row["id"], source: row["source"], author: row["author"], community: row["community"],
                    text: row["text"], url: row["url"], created: Date(timeIntervalSince1970: row["created"]),
                    score: row["score"], sentiment: row["sentiment"], tags: tags, embedding: blob.map(floats))
    }

    static func blob(_ v: [Float]) -> Data { v.withUnsafeBytes { Data($0) } }

    static func floats(_ d: Data) -> [Float] {
        var out = [Float](repeating: 0, count: d.count / 4)
        _ = out.withUnsafeMutableBytes { dst in d.copyBytes(to: dst) }
        return out
    }
}
