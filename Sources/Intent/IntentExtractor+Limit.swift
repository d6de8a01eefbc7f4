/// How much of one utterance intent extraction reads.
///
/// The rules compare mentions with mentions and words with the words around them, so their cost
/// grows faster than the line: a 160,000-character utterance (a recogniser that never closed a
/// segment, a document pasted into a transcript) took 15 s, and the meeting ignored SIGINT
/// meanwhile. A spoken request is a sentence or two; 2,000 characters is several minutes of
/// uninterrupted speech, so a line is cut there, at a word boundary, before it is read. The
/// meeting tells the user when a line was cut (`isCut`).
extension IntentExtractor {
    /// The most characters of one utterance that are read for an intent.
    public static let longestUtterance = 2_000

    /// Whether `text` is longer than `longestUtterance` (only its start is read). Looks at no
    /// more than the limit's worth of characters, whatever the length of `text`.
    public static func isCut(_ text: String) -> Bool {
        text.index(text.startIndex, offsetBy: longestUtterance, limitedBy: text.endIndex).map { $0 < text.endIndex } ?? false
    }

    /// `text`, or its first `longestUtterance` characters ending at the last whole word in them
    /// (at the limit itself when there is no space to end at).
    public static func readable(_ text: String) -> String {
        guard isCut(text) else { return text }
        let head = text.prefix(longestUtterance)
        // The word straddling the limit is dropped whole, unless the head is all one word.
        guard let lastSpace = head.lastIndex(where: \.isWhitespace), lastSpace > head.startIndex else { return String(head) }
        return String(head[..<lastSpace])
    }
}
