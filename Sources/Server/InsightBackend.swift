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
        let lines = hits.map { InsightJSON.hit($0.post, distance: $0.distance, dates: dateFormat) }
        return "[" + lines.joined(separator: ",") + "]"
    }

    /// `{post_id, tags: [{tag, inferred, evidence}]}` for one post, as `mockpilot classify` prints it.
    func classify(_ record: TextRecord) -> String {
        InsightJSON.classification(record, tags: classifier.classify(record.text, community: record.community))
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
