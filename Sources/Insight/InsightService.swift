import Core
import Embedding
import Foundation
import GRDB

/// How many posts an ingest added and skipped.
public struct IngestReport: Sendable, Hashable {
    public var fetched = 0
    public var new = 0
    public var duplicates = 0

    public init(fetched: Int = 0, new: Int = 0, duplicates: Int = 0) {
        self.fetched = fetched
        self.new = new
        self.duplicates = duplicates
    }

    public static func + (a: IngestReport, b: IngestReport) -> IngestReport {
        IngestReport(fetched: a.fetched + b.fetched, new: a.new + b.new, duplicates: a.duplicates + b.duplicates)
    }
}

/// Answers "do people like this?": embeds, scores and tags posts into the post store, and
/// summarises the posts nearest to a query for the TUI's insight pane.
public actor InsightService {
    public let store: PostStore
    let model: MiniLM
    let sentiment: VaderAnalyzer
    let classifier: DemographicClassifier
    /// Posts further than this (1 - cosine) from the query are not about it.
    public var maxDistance: Float = 0.75

    public init(databasePath: String, modelsDirectory: String) throws {
        try self.init(databasePath: databasePath, modelsDirectory: modelsDirectory,
                      model: Result { try MiniLM(modelsDirectory: modelsDirectory) })
    }

    /// With an embedding model already loaded (or the error loading it gave), so a meeting loads it
    /// once, and optionally the pool the session store already has open on `databasePath`.
    public init(databasePath: String, modelsDirectory: String, model loaded: Result<MiniLM, any Error>,
                pool: DatabasePool? = nil) throws {
        store = try pool.map { try PostStore(pool: $0) } ?? PostStore(path: databasePath)
        do {
            model = try loaded.get()
        } catch let error as EmbeddingError {
            throw InsightError.missingFile(path: modelsDirectory + "/all-MiniLM-L6-v2", hint: error.localizedDescription)
        }
        sentiment = try VaderAnalyzer(modelsDirectory: modelsDirectory)
        classifier = DemographicClassifier()
    }

    /// Loads the search matrix ahead of the first summary, so the meeting's first query is fast.
    public func warmUp() async throws {
        try await store.prepareIndex()
    }

    /// The posts nearest to `query.text`, nearest first, within `maxDistance`.
    public func search(_ text: String, k: Int, source: String? = nil) async throws -> [(post: Post, distance: Float)] {
        let vector = model.embed(text)
        return try await store.nearest(to: vector, k: k, source: source).filter { $0.distance <= maxDistance }
    }

    /// Mean sentiment, a five-bucket distribution (-1…-0.6…-0.2…0.2…0.6…1), the strongest
    /// positive and the strongest negative quote (then the nearest), and inferred-tag counts over
    /// the `k` nearest posts.
    public func summary(for query: InsightQuery, k: Int) async throws -> InsightSummary {
        let hits = try await search(query.text, k: k)
        var distribution = [Int](repeating: 0, count: 5)
        var tags: [String: Int] = [:]
        var total = 0.0
        for (post, _) in hits {
            let s = post.sentiment ?? sentiment.score(post.text).compound
            total += s
            distribution[Self.bucket(s)] += 1
            for tag in Set(post.tags.map(\.tag)) { tags[tag, default: 0] += 1 }
        }
        let dateFormat = ISO8601DateFormatter()
        dateFormat.formatOptions = [.withFullDate]
        let scored = hits.map { ($0.post, $0.post.sentiment ?? sentiment.score($0.post.text).compound) }
        var chosen: [(Post, Double)] = []
        if let best = scored.max(by: { $0.1 < $1.1 }), best.1 > 0.05 { chosen.append(best) }
        if let worst = scored.min(by: { $0.1 < $1.1 }), worst.1 < -0.05 { chosen.append(worst) }
        for hit in scored where chosen.count < 3 && !chosen.contains(where: { $0.0.id == hit.0.id }) { chosen.append(hit) }
        let quotes = chosen.map { post, score in
            InsightSummary.Quote(text: Self.excerpt(post.text), source: post.community.isEmpty ? post.source : post.community,
                                 date: dateFormat.string(from: post.created), sentiment: score)
        }
        return InsightSummary(query: query.text, count: hits.count, meanSentiment: hits.isEmpty ? 0 : total / Double(hits.count),
                              distribution: distribution, quotes: Array(quotes), tags: tags)
    }

    /// Scores, tags and embeds the posts not stored yet, then stores them with the raw bodies.
    public func ingest(_ posts: [Post], raw: [RawResponse] = []) async throws -> IngestReport {
        var unique: [String: Post] = [:]
        for p in posts where unique[p.id] == nil { unique[p.id] = p }
        let known = try await store.existing(Array(unique.keys))
        var report = IngestReport(fetched: posts.count, new: 0, duplicates: posts.count - unique.count + known.count)
        var batch: [Post] = []
        let fresh = unique.values.filter { !known.contains($0.id) }.sorted { $0.id < $1.id }
        for var post in fresh {
            try Task.checkCancellation()
            post.sentiment = sentiment.score(post.text).compound
            post.tags = classifier.classify(post.text, community: post.community)
            post.embedding = model.embed(post.text)
            batch.append(post)
            // Save in batches so an interrupted import keeps what it finished.
            if batch.count == 256 { report.new += try await store.save(batch); batch.removeAll() }
        }
        report.new += try await store.save(batch)
        try await store.cache(raw)
        return report
    }

    static func bucket(_ s: Double) -> Int { min(4, max(0, Int(((s + 1) / 0.4).rounded(.down)))) }

    static func excerpt(_ text: String, limit: Int = 200) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }
}
