import Foundation

/// The word and emoji lexicons VADER scores with, read from the files the `vaderSentiment`
/// wheel ships (`vader_lexicon.txt`, `emoji_utf8_lexicon.txt`), so the valences are theirs.
public struct VaderLexicon: Sendable {
    /// Lower-case token -> mean valence (-4..4).
    public let words: [String: Double]
    /// One Unicode scalar -> its description ("smiling face"), which is then scored as words.
    public let emojis: [Unicode.Scalar: String]

    public init(words: [String: Double], emojis: [Unicode.Scalar: String]) {
        self.words = words
        self.emojis = emojis
    }

    /// Loads `vader_lexicon.txt` and `emoji_utf8_lexicon.txt` from `directory`.
    public init(directory: String) throws {
        let lexiconPath = directory + "/vader_lexicon.txt"
        let emojiPath = directory + "/emoji_utf8_lexicon.txt"
        var words: [String: Double] = [:]
        for (number, line) in try Self.lines(of: lexiconPath).enumerated() where !line.isEmpty {
            // Like the reference: whitespace-trimmed, tab-separated, first two fields.
            let fields = line.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, let measure = Double(fields[1]) else {
                throw InsightError.badLexicon(path: lexiconPath, line: number + 1)
            }
            words[String(fields[0])] = measure
        }
        var emojis: [Unicode.Scalar: String] = [:]
        for (number, line) in try Self.lines(of: emojiPath).enumerated() where !line.isEmpty {
            let fields = line.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else { throw InsightError.badLexicon(path: emojiPath, line: number + 1) }
            // The reference walks the text one code point at a time, so only one-scalar
            // entries can ever match; longer sequences (flags, skin tones) are skipped there too.
            let scalars = fields[0].unicodeScalars
            if scalars.count == 1, let scalar = scalars.first { emojis[scalar] = String(fields[1]) }
        }
        self.init(words: words, emojis: emojis)
    }

    /// Where `scripts/models.sh` unpacks the wheel's lexicons.
    public static func defaultDirectory(models: String) -> String { models + "/vader" }

    private static func lines(of path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InsightError.missingFile(path: path, hint: "run scripts/models.sh to unpack the vaderSentiment lexicons")
        }
        // The files have CRLF endings, and Swift treats "\r\n" as one Character: split on the
        // scalar '\n' as the reference does, and let the per-line trim drop the '\r'.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
