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
        Pushshift-style dump of any size, read and stored in batches (progress by bytes on a terminal, \
        or with --progress); stdout stays empty, every report goes to stderr.
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

    @Flag(help: "Draw the import progress bar on stderr even when it is not a terminal.")
    var progress = false

    @Flag(help: "Print how long scoring, tagging, embedding and storing took and the posts per second (the model load excluded).")
    var timing = false

    @Option(name: [.customLong("db"), .customLong("database")],
            help: ArgumentHelp("The database file (default: $XDG_DATA_HOME/mockpilot/mockpilot.sqlite).", valueName: "file"))
    var database: String?

    func validate() throws {
        // One line, no usage text: the number is the user's, and saying what fits is enough.
        if let every, Self.seconds(every) == nil {
            throw CleanExit.failure("--every \(every): use a number above 0 with s, m, h or d, at most \(Self.longestInterval), e.g. 6h")
        }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let settings = try global.settings()
        let sources = MeetingSetup(settings: settings).sources()
        let service: InsightService
        let kind = MineSource.parse(source, subreddits: subreddits, hashtags: hashtags)
        do {
            // Missing credentials, or an address they may not go to, will not mend by waiting: one
            // line and out, even with --every, before anything is opened or connected.
            switch kind {
            case .reddit: _ = try sources.redditCredentials()
            case .instagram: _ = try sources.instagramCredentials()
            case .file: break
            }
            try sources.endpoints.checkPrivate(for: kind)
            service = try InsightService(databasePath: database ?? settings.databasePath, modelsDirectory: Paths.models())
        } catch let error as InsightError {
            throw CleanExit.failure(error.localizedDescription)
        }
        guard let every, let interval = Self.seconds(every) else {
            do {
                try await round(service: service, kind: kind, sources: sources, label: nil)
            } catch let error as InsightError {
                throw CleanExit.failure(error.localizedDescription)
            }
            return
        }
        // Until SIGINT/SIGTERM: a failed round is one warning, and the next one starts on time.
        let loop = Task {
            var number = 0
            while true {
                number += 1
                let started = Date()
                do {
                    try await round(service: service, kind: kind, sources: sources, label: "round \(number)")
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    if Task.isCancelled { throw CancellationError() }
                    let next = started.addingTimeInterval(interval)
                    warn("round \(number) failed: \((error as? LocalizedError)?.errorDescription ?? "\(error)"); next round at \(Self.clock(next))")
                }
                try await Task.sleep(for: .seconds(max(0, started.addingTimeInterval(interval).timeIntervalSinceNow)))
            }
        }
        let signals = StopSignals { _ in loop.cancel() }
        defer { signals.cancel() }
        do {
            try await loop.value
        } catch is CancellationError {
            warn("stopped")
            throw ExitCode(130)
        }
    }

    /// One fetch-and-store, with its summary (and any skipped lines) on stderr.
    private func round(service: InsightService, kind: MineSource, sources: SourceConfiguration, label: String?) async throws {
        let bar = ProgressBar(enabled: progress || isatty(STDERR_FILENO) == 1)
        defer { bar.finish() }
        let started = Date()
        // A long rate-limit wait is said on stderr, so minutes of silence have a reason.
        let retry = RetryPolicy(report: { warn($0) })
        let result = try await service.mine(query, from: kind, sources: sources, maxPosts: limit, retry: retry,
                                            progress: { bar.update($0) })
        let elapsed = Date().timeIntervalSince(started)
        bar.finish()
        for skipped in result.skipped.prefix(5) { warn("\(source):\(skipped.line): skipped, \(skipped.reason)") }
        if result.skippedCount > 5 { warn("\(source): \(result.skippedCount - 5) more lines skipped") }
        let r = result.report
        warn((label.map { $0 + ": " } ?? "") + "\(r.fetched) fetched, \(r.new) new, \(r.duplicates) already stored")
        if timing {
            warn(String(format: "timing: %d new posts scored, tagged, embedded and stored in %.2f s = %.0f posts/s (model load excluded)",
                        r.new, elapsed, elapsed > 0 ? Double(r.new) / elapsed : 0))
        }
    }

    /// "14:05:09", local time: when the next round starts.
    static func clock(_ date: Date) -> String {
        let f = DateFormatter()
        f.dateFormat = "HH:mm:ss"
        return f.string(from: date)
    }

    /// The longest `--every`: a year between rounds is already no schedule.
    static let longestInterval = "365d"
    static let longestIntervalSeconds: Double = 365 * 86_400

    /// "30m" -> 1800; nil for anything that is not a positive number with a unit, or is longer
    /// than `longestInterval` ("99999999999999999999d" would overflow the sleep's Duration).
    static func seconds(_ text: String) -> Double? {
        guard let unit = text.last, let n = Double(text.dropLast()), n.isFinite, n > 0 else { return nil }
        let scale: Double
        switch unit {
        case "s": scale = 1
        case "m": scale = 60
        case "h": scale = 3600
        case "d": scale = 86400
        default: return nil
        }
        let seconds = n * scale
        return seconds <= longestIntervalSeconds ? seconds : nil
    }
}
