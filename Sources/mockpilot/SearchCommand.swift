import ArgumentParser
import Core
import Foundation
import Insight

/// `mockpilot search`: stored posts nearest in meaning to a query, with their sentiment.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search stored posts by meaning; prints JSON Lines, nearest first, with sentiment and embedding_distance.",
        discussion: "Exact cosine search over every stored embedding. Fill the store with `mockpilot mine`.")

    @Argument(help: "What to look for, e.g. \"stripe button hover\".")
    var query: String

    @Option(name: .short, help: "How many posts (at most \(SearchCommand.maxK)).")
    var k: Int = 50

    /// More than this is a dump of the store, not a search; the top-k buffer is also sized by it.
    static let maxK = 1000

    @Option(help: "Only posts from this source (reddit, instagram).")
    var source: String?

    @Option(name: [.customLong("db"), .customLong("database")],
            help: ArgumentHelp("The database file (default: $XDG_DATA_HOME/mockpilot/mockpilot.sqlite).", valueName: "file"))
    var database: String?

    @Flag(help: "Print query timings on stderr: the first query (loads the index) and the median and best of 20 more.")
    var timing = false

    func validate() throws {
        guard k > 0 else { throw ValidationError("-k must be at least 1") }
    }

    func run() async throws {
        var k = self.k
        if k > Self.maxK {
            warn("-k \(k) is more than \(Self.maxK); showing at most \(Self.maxK)")
            k = Self.maxK
        }
        let path = database ?? PostStore.defaultPath(dataHome: Paths.dataHome())
        // Searching only reads: a missing store is said as such, and no file or folder is made for it.
        guard FileManager.default.fileExists(atPath: path) else {
            throw CleanExit.failure("no post database at \(path) (fill one with `mockpilot mine`)")
        }
        do {
            let service = try InsightService(databasePath: path, modelsDirectory: Paths.models())
            let start = Date()
            let hits = try await service.search(query, k: k, source: source)
            let elapsed = Date().timeIntervalSince(start)
            let dateFormat = ISO8601DateFormatter()
            for (post, distance) in hits { print(InsightJSON.hit(post, distance: distance, dates: dateFormat)) }
            warn(String(format: "%d posts in %.1f ms", hits.count, elapsed * 1000))
            if timing {
                var warm: [Double] = []
                for _ in 0..<20 {
                    let t = Date()
                    _ = try await service.search(query, k: k, source: source)
                    warm.append(Date().timeIntervalSince(t) * 1000)
                }
                let stored = try await service.store.count()
                let sorted = warm.sorted()
                warn(String(format: "timing: %d stored posts, first query %.1f ms (loads the index), then median %.2f ms, best %.2f ms",
                            stored, elapsed * 1000, sorted[sorted.count / 2], sorted[0]))
            }
        } catch let error as InsightError {
            throw CleanExit.failure(error.localizedDescription)
        }
    }
}
