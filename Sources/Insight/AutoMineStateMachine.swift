import Foundation

/// Decides when a meeting gathers posts on its own for the design under discussion: at most
/// once per query per `interval`, from the sources that are configured, and from Instagram only
/// while its 30-hashtags-per-week budget has room to spare (or the hashtag is already paid for).
/// A plain value with the clock passed in, so tests drive it without waiting.
public struct AutoMineStateMachine: Sendable {
    public enum Action: Sendable, Hashable {
        /// Fetch from these, then summarise again.
        case mine([MineSource])
        /// Nothing to fetch: no source, asked too recently, or no budget to spend.
        case skip
    }

    public let interval: TimeInterval
    public let sources: [String]
    /// Hashtags left unspent for the user's own `mine --source instagram`.
    public let instagramReserve: Int
    private var lastMined: [String: Date] = [:]

    public init(interval: TimeInterval, sources: [String], instagramReserve: Int = 10) {
        self.interval = interval
        self.sources = sources
        self.instagramReserve = instagramReserve
    }

    /// A summary is wanted for `query` at `now`. `budget` is Instagram's, as stored on disk.
    public mutating func summaryWanted(for query: InsightQuery, now: Date, budget: HashtagBudget?) -> Action {
        guard interval > 0, !sources.isEmpty, !query.text.isEmpty else { return .skip }
        if let last = lastMined[query.text], now.timeIntervalSince(last) < interval { return .skip }
        var chosen: [MineSource] = []
        if sources.contains("reddit") { chosen.append(.reddit(subreddits: [])) }
        if sources.contains("instagram"), let budget {
            let tag = query.hashtag
            if budget.isSpent(tag, now: now) || budget.remaining(now: now) > instagramReserve {
                chosen.append(.instagram(hashtags: [tag]))
            }
        }
        guard !chosen.isEmpty else { return .skip }
        lastMined[query.text] = now
        return .mine(chosen)
    }
}
