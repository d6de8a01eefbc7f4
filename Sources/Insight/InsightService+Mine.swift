import Foundation
import Net

extension InsightService {
    /// Fetches posts for `query` from `source`, then de-duplicates, scores, tags, embeds and
    /// stores them. A fetch that fails throws before anything is written, so stored posts stay.
    public func mine(_ query: String, from source: MineSource, sources: SourceConfiguration,
                     maxPosts: Int = 100, retry: RetryPolicy = RetryPolicy(),
                     progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> (report: IngestReport, skippedLines: [(line: Int, reason: String)]) {
        switch source {
        case .reddit(let subreddits):
            let client = RedditClient(credentials: try sources.redditCredentials(), userAgent: sources.redditUserAgent,
                                      apiBase: sources.endpoints.redditAPI, authBase: sources.endpoints.redditAuth, retry: retry)
            let communities = Self.communities(subreddits.isEmpty ? sources.subreddits : subreddits)
            let fetched = try await client.searchAll(query, subreddits: communities, maxPosts: maxPosts)
            return (try await ingest(fetched.posts, raw: fetched.raw, progress: progress), [])
        case .instagram(let hashtags):
            let (token, account) = try sources.instagramCredentials()
            let client = InstagramClient(accessToken: token, userID: account, budget: try HashtagBudget(path: sources.hashtagBudgetPath),
                                         graphBase: sources.endpoints.instagramGraph, retry: retry)
            let tags = hashtags.isEmpty ? [query.filter { $0.isLetter || $0.isNumber }] : hashtags
            var posts: [Post] = []
            var raw: [RawResponse] = []
            for tag in tags {
                let result = try await client.media(hashtag: tag)
                posts += result.posts
                raw += result.raw
            }
            return (try await ingest(posts, raw: raw, progress: progress), [])
        case .file(let path):
            let dump = try RedditDumpImporter().read(path: path)
            return (try await ingest(dump.posts, progress: progress), dump.skipped)
        }
    }

    /// Subreddit names to search, nil standing for all of Reddit ("all", or none at all).
    static func communities(_ names: [String]) -> [String?] {
        let cleaned = names.map { $0.hasPrefix("r/") ? String($0.dropFirst(2)) : $0 }.filter { !$0.isEmpty }
        if cleaned.isEmpty { return [nil] }
        return cleaned.map { $0.lowercased() == "all" ? nil : $0 }
    }
}
