/// Keeps partial transcripts from flickering: words that two consecutive hypotheses agree on
/// are committed and never change again until the final text replaces them.
public struct StablePrefix: Sendable, Equatable {
    public private(set) var committed: [String] = []
    private var previous: [String] = []

    public init() {}

    /// The text to show for a new partial hypothesis: the committed words, then the new tail.
    public mutating func update(_ hypothesis: String) -> String {
        let words = hypothesis.split(separator: " ").map(String.init)
        // Extend the committed prefix by what this hypothesis and the last one agree on.
        var agreed = 0
        while agreed < min(words.count, previous.count) && normalized(words[agreed]) == normalized(previous[agreed]) {
            agreed += 1
        }
        if agreed > committed.count {
            committed = Array(previous.prefix(agreed))
        }
        previous = words
        let tail = words.count > committed.count ? Array(words[committed.count...]) : []
        return (committed + tail).joined(separator: " ")
    }

    /// A new utterance starts with nothing committed.
    public mutating func reset() {
        committed = []
        previous = []
    }

    private func normalized(_ word: String) -> String {
        String(word.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
