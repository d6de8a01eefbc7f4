import Foundation

/// Where `mockpilot mine` gathers posts from.
public enum MineSource: Sendable, Hashable {
    /// Reddit search; an empty list searches all of Reddit.
    case reddit(subreddits: [String])
    /// Instagram hashtag media; an empty list uses the query squashed into one hashtag.
    case instagram(hashtags: [String])
    /// A Reddit dump file (JSON Lines).
    case file(String)

    /// "reddit", "instagram", or a path to a .jsonl dump.
    public static func parse(_ text: String, subreddits: [String] = [], hashtags: [String] = []) -> MineSource {
        switch text.lowercased() {
        case "reddit": .reddit(subreddits: subreddits)
        case "instagram": .instagram(hashtags: hashtags)
        default: .file(text)
        }
    }
}
