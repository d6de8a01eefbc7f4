import Foundation
import Net

extension InsightService {
    /// Fetches posts for `query` from `source`, then de-duplicates, scores, tags, embeds and
    /// stores them. A fetch that fails throws before anything is written, so stored posts stay.
    public func mine(_ query: String, from source: MineSource, endpoints: SourceEndpoints = .fromEnvironment(),
                     environment: [String: String] = ProcessInfo.processInfo.environment, budgetPath: String,
                     maxPosts: Int = 100, retry: RetryPolicy = RetryPolicy(),
                     progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> (report: IngestReport, skippedLines: [(line: Int, reason: String)]) {
        switch source {
        case .reddit(let subreddits):
            let client = RedditClient(credentials: try RedditCredentials.fromEnvironment(environment),
                                      apiBase: endpoints.redditAPI, authBase: endpoints.redditAuth, retry: retry)
            let fetched = try await client.searchAll(query, subreddits: subreddits.isEmpty ? [nil] : subreddits.map { $0 },
                                                     maxPosts: maxPosts)
            return (try await ingest(fetched.posts, raw: fetched.raw, progress: progress), [])
        case .instagram(let hashtags):
            let (token, user) = try InstagramClient.credentials(environment)
            let client = InstagramClient(accessToken: token, userID: user, budget: try HashtagBudget(path: budgetPath),
                                         graphBase: endpoints.instagramGraph, retry: retry)
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
}
