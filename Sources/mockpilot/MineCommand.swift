import ArgumentParser
import Core
import Foundation
import Insight
import Pipeline

/// `mockpilot mine`: gather what people say about a design into the post store.
struct MineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mine",
        abstract: "Fetch posts (Reddit, Instagram or a Reddit dump file), de-duplicate, score, tag, embed and store them.",
        discussion: """
        Reddit needs REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET (an app-only OAuth app) or \
        insights.reddit_client_id and insights.reddit_client_secret in the config; Instagram needs \
        INSTAGRAM_ACCESS_TOKEN and INSTAGRAM_USER_ID, or insights.instagram_token and \
        insights.instagram_account_id (a business account; 30 distinct hashtags per 7 days, tracked in \
        <data>/instagram-hashtags.json). The environment overrides the config. A FILE.jsonl is a \
        Pushshift-style dump, imported whole.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "What to search for, e.g. \"pill button gradient\".")
    var query: String

    @Option(help: ArgumentHelp("reddit, instagram, or a dump FILE.jsonl.", valueName: "source"))
    var source: String = "reddit"

    @Option(name: .customLong("subreddit"),
            help: "Search this subreddit (repeatable; \"all\" is all of Reddit; default insights.subreddits).")
    var subreddits: [String] = []

    @Option(name: .customLong("hashtag"), help: "Instagram hashtag (repeatable; default the query without spaces).")
    var hashtags: [String] = []

    @Option(help: "At most this many posts per subreddit.")
    var limit: Int = 100

    @Option(help: ArgumentHelp("Repeat every interval (30m, 6h, 1d) until interrupted.", valueName: "interval"))
    var every: String?

    @Option(name: [.customLong("db"), .customLong("database")],
            help: ArgumentHelp("The database file (default: $XDG_DATA_HOME/mockpilot/mockpilot.sqlite).", valueName: "file"))
    var database: String?

    func validate() throws {
        if let every, Self.seconds(every) == nil { throw ValidationError("--every \(every): use a number with s, m, h or d, e.g. 6h") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let settings = try global.settings()
        let sources = MeetingSetup(settings: settings).sources()
        do {
            let service = try InsightService(databasePath: database ?? settings.databasePath, modelsDirectory: Paths.models())
            // No --subreddit: the configured ones (the service falls back to them when given none).
            let kind = MineSource.parse(source, subreddits: subreddits, hashtags: hashtags)
            while true {
                let bar = ProgressBar()
                let result = try await service.mine(query, from: kind, sources: sources,
                                                    maxPosts: limit, progress: { bar.update($0, of: $1) })
                bar.finish()
                for skipped in result.skippedLines.prefix(5) { warn("\(source):\(skipped.line): skipped, \(skipped.reason)") }
                if result.skippedLines.count > 5 { warn("\(source): \(result.skippedLines.count - 5) more lines skipped") }
                let r = result.report
                warn("\(r.fetched) fetched, \(r.new) new, \(r.duplicates) already stored")
                guard let every, let interval = Self.seconds(every) else { return }
                try await Task.sleep(for: .seconds(interval))
            }
        } catch let error as InsightError {
            throw CleanExit.failure(error.localizedDescription)
        }
    }

    static func seconds(_ text: String) -> Double? {
        guard let unit = text.last, let n = Double(text.dropLast()), n > 0 else { return nil }
        switch unit {
        case "s": return n
        case "m": return n * 60
        case "h": return n * 3600
        case "d": return n * 86400
        default: return nil
        }
    }
}

/// A one-line progress bar on stderr, redrawn at most every 1% (only for imports worth one).
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var lastPercent = -1
    private var drawn = false

    func update(_ done: Int, of total: Int) {
        guard total >= 100 else { return }
        let percent = done * 100 / total
        lock.withLock {
            guard percent != lastPercent else { return }
            lastPercent = percent
            drawn = true
            let filled = percent * 30 / 100
            let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) posts".utf8))
        }
    }

    func finish() {
        lock.withLock { if drawn { FileHandle.standardError.write(Data("\n".utf8)) } }
    }
}
