import Foundation
import Net

extension InsightService {
    /// Fetches posts for `query` from `source`, then de-duplicates, scores, tags, embeds and
    /// stores them one page (or hashtag) at a time, with the raw bodies. A failure part way keeps
    /// every page before it and every body received, failed ones included, and says how many
    /// posts were kept.
    public func mine(_ query: String, from source: MineSource, sources: SourceConfiguration,
                     maxPosts: Int = 100, retry: RetryPolicy = RetryPolicy(),
                     progress: (@Sendable (ImportProgress) -> Void)? = nil) async throws -> MineResult {
        try sources.endpoints.checkPrivate(for: source)
        switch source {
        case .reddit(let subreddits):
            let client = RedditClient(credentials: try sources.redditCredentials(), userAgent: sources.redditUserAgent,
                                      apiBase: sources.endpoints.redditAPI, authBase: sources.endpoints.redditAuth, retry: retry)
            var cursor = RedditSearchCursor(query: query, subreddits: Self.communities(subreddits.isEmpty ? sources.subreddits : subreddits),
                                            maxPosts: maxPosts)
            var report = IngestReport()
            do {
                while let page = try await cursor.next(using: client) {
                    report = report + (try await ingest(page.posts, raw: await client.takeResponses()))
                }
            } catch {
                throw await keepFailed(error, responses: await client.takeResponses(), report: report)
            }
            return MineResult(report: report)
        case .instagram(let hashtags):
            let (token, account) = try sources.instagramCredentials()
            let client = InstagramClient(accessToken: token, userID: account, budget: try HashtagBudget(path: sources.hashtagBudgetPath),
                                         graphBase: sources.endpoints.instagramGraph, retry: retry)
            let tags = hashtags.isEmpty ? [query.filter { $0.isLetter || $0.isNumber }] : hashtags
            var report = IngestReport()
            do {
                // Each hashtag's posts are stored before the next is asked for: its budget is spent.
                for tag in tags {
                    let result = try await client.media(hashtag: tag)
                    report = report + (try await ingest(result.posts, raw: await client.takeResponses()))
                }
            } catch {
                throw await keepFailed(error, responses: await client.takeResponses(), report: report)
            }
            return MineResult(report: report)
        case .file(let path):
            // A batch at a time: memory stays flat on a dump of any size, and an interrupted
            // import keeps every batch before it.
            var dump = try RedditDumpImporter(path: path)
            var report = IngestReport()
            while let batch = try dump.nextBatch() {
                report = report + (try await ingest(batch))
                progress?(ImportProgress(bytesRead: dump.bytesRead, totalBytes: dump.totalBytes, posts: report.fetched))
            }
            return MineResult(report: report, skipped: dump.skipped, skippedCount: dump.skippedCount)
        }
    }

    /// Caches the bodies of a failed fetch (so a parser fix or a look at the error can re-read
    /// them) and, when earlier pages were stored, says so in the error the user sees.
    private func keepFailed(_ error: Error, responses: [RawResponse], report: IngestReport) async -> Error {
        try? await store.cache(responses)
        guard report.fetched > 0, !(error is CancellationError) else { return error }
        return InsightError.incomplete(stored: report.fetched, reason: (error as? LocalizedError)?.errorDescription ?? "\(error)")
    }

    /// Subreddit names to search, nil standing for all of Reddit ("all", or none at all).
    static func communities(_ names: [String]) -> [String?] {
        let cleaned = names.map { $0.hasPrefix("r/") ? String($0.dropFirst(2)) : $0 }.filter { !$0.isEmpty }
        if cleaned.isEmpty { return [nil] }
        return cleaned.map { $0.lowercased() == "all" ? nil : $0 }
    }
}

/// What one `mine` did: posts fetched, new and already stored, and the dump lines it skipped.
public struct MineResult: Sendable {
    public var report: IngestReport
    /// The first `RedditDumpImporter.keptSkips` skipped lines (line from 1, why).
    public var skipped: [(line: Int, reason: String)] = []
    public var skippedCount = 0
}

/// How far a dump import is, by bytes (lines vary too much in length to count them).
public struct ImportProgress: Sendable {
    public var bytesRead: Int
    public var totalBytes: Int
    /// Posts read so far (new and already stored).
    public var posts: Int
}
