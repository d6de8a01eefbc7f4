import Core
import Foundation
import Insight

/// `/search` and `/classify`: the post store and MiniLM loaded once, at the first search, and kept.
actor InsightBackend {
    private let databasePath: String
    private let modelsDirectory: String
    private var service: InsightService?
    private let classifier = DemographicClassifier()
    private let dateFormat = ISO8601DateFormatter()

    init(databasePath: String, modelsDirectory: String) {
        self.databasePath = databasePath
        self.modelsDirectory = modelsDirectory
    }

    /// The posts nearest to `query` as `mockpilot search` prints them, as one JSON array.
    func search(_ query: String, k: Int) async throws -> String {
        let service = try loaded()
        let hits: [(post: Post, distance: Float)]
        do {
            hits = try await service.search(query, k: k)
        } catch let error as InsightError {
            throw APIError.unavailable(error.localizedDescription)
        }
        let lines = hits.map { hit in
            let (post, distance) = (hit.post, hit.distance)
            var json = OrderedJSON()
            json.add("id", post.id)
            json.add("source", post.source)
            json.add("community", post.community)
            json.add("author", post.author)
            json.add("created", dateFormat.string(from: post.created))
            json.add("url", post.url)
            json.add("text", post.text)
            json.add("sentiment", post.sentiment ?? 0)
            json.add("embedding_distance", Double(distance))
            json.add("tags", raw: "[" + post.tags.map { OrderedJSON.quote($0.tag) }.joined(separator: ",") + "]")
            return json.line
        }
        return "[" + lines.joined(separator: ",") + "]"
    }

    /// `{post_id, tags: [{tag, inferred, evidence}]}` for one post, as `mockpilot classify` prints it.
    func classify(_ record: TextRecord) -> String {
        let tags = classifier.classify(record.text, community: record.community).map { tag -> String in
            var json = OrderedJSON()
            json.add("tag", tag.tag)
            json.add("inferred", raw: "true")
            json.add("evidence", tag.evidence)
            return json.line
        }
        var json = OrderedJSON()
        json.add("post_id", record.id ?? "line-\(record.line)")
        json.add("tags", raw: "[" + tags.joined(separator: ",") + "]")
        return json.line
    }

    private func loaded() throws -> InsightService {
        if let service { return service }
        // Searching only reads: a missing store is said as such, and no file is made for it.
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw APIError.unavailable("no post database at \(databasePath) (fill one with `mockpilot mine`)")
        }
        do {
            let made = try InsightService(databasePath: databasePath, modelsDirectory: modelsDirectory)
            service = made
            return made
        } catch let error as InsightError {
            throw APIError.unavailable(error.localizedDescription)
        }
    }
}
