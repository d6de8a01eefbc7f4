import Foundation

/// BERT's uncased tokenizer, as `BertTokenizer` with `do_lower_case`: clean control
/// characters, space out CJK ideographs, split on whitespace, lower-case, strip accents
/// (NFD, drop non-spacing marks), split off punctuation, then greedy longest-match
/// WordPiece with `##` continuations; a word longer than 100 characters, or one that
/// cannot be covered by pieces, becomes [UNK].
public struct WordPieceTokenizer: Sendable {
    public let vocabulary: [String: Int32]
    public let maxTokens: Int
    public let cls: Int32
    public let sep: Int32
    public let unk: Int32
    static let maxWordCharacters = 100

    public init(vocabularyPath: String, maxTokens: Int = 256) throws {
        guard let text = try? String(contentsOfFile: vocabularyPath, encoding: .utf8) else {
            throw EmbeddingError.missingFile(path: vocabularyPath)
        }
        var vocabulary: [String: Int32] = [:]
        var id: Int32 = 0
        // One token per line; the line number is the id. Split on "\n" scalars (not Characters:
        // "\r\n" would be one) and keep empty lines so ids stay aligned.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        if lines.last == "" { lines.removeLast() }
        for line in lines {
            let token = line.hasSuffix("\r") ? String(line.dropLast()) : line
            if vocabulary[token] == nil { vocabulary[token] = id }
            id += 1
        }
        guard let cls = vocabulary["[CLS]"], let sep = vocabulary["[SEP]"], let unk = vocabulary["[UNK]"] else {
            throw EmbeddingError.badVocabulary(path: vocabularyPath, reason: "no [CLS], [SEP] or [UNK] token")
        }
        self.vocabulary = vocabulary
        self.maxTokens = maxTokens
        self.cls = cls
        self.sep = sep
        self.unk = unk
    }

    /// `[CLS] pieces… [SEP]`, truncated to `maxTokens` in all.
    public func encode(_ text: String) -> [Int32] {
        var ids: [Int32] = [cls]
        for word in basicTokens(text) {
            ids += wordPieces(word)
            if ids.count >= maxTokens - 1 { break }
        }
        if ids.count > maxTokens - 1 { ids.removeLast(ids.count - (maxTokens - 1)) }
        return ids + [sep]
    }

    /// BasicTokenizer: the words before WordPiece.
    func basicTokens(_ text: String) -> [String] {
        var cleaned = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s.value == 0 || s.value == 0xFFFD || Self.isControl(s) { continue }
            if Self.isWhitespace(s) {
                cleaned.append(" ")
            } else if Self.isCJK(s) {
                cleaned.append(" "); cleaned.append(s); cleaned.append(" ")
            } else {
                cleaned.append(s)
            }
        }
        var out: [String] = []
        for token in String(cleaned).split(separator: " ") {
            let lowered = token.lowercased().decomposedStringWithCanonicalMapping
            var current = String.UnicodeScalarView()
            for s in lowered.unicodeScalars where s.properties.generalCategory != .nonspacingMark {
                if Self.isPunctuation(s) {
                    if !current.isEmpty { out.append(String(current)); current = String.UnicodeScalarView() }
                    out.append(String(s))
                } else {
                    current.append(s)
                }
            }
            if !current.isEmpty { out.append(String(current)) }
        }
        return out
    }

    func wordPieces(_ word: String) -> [Int32] {
        let scalars = Array(word.unicodeScalars)
        if scalars.count > Self.maxWordCharacters { return [unk] }
        var pieces: [Int32] = []
        var start = 0
        while start < scalars.count {
            var end = scalars.count
            var found: Int32?
            while start < end {
                var piece = String.UnicodeScalarView()
                if start > 0 { piece.append(contentsOf: "##".unicodeScalars) }
                piece.append(contentsOf: scalars[start..<end])
                if let id = vocabulary[String(piece)] { found = id; break }
                end -= 1
            }
            guard let id = found else { return [unk] }
            pieces.append(id)
            start = end
        }
        return pieces
    }

    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\r" || s.properties.generalCategory == .spaceSeparator
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        if s == "\t" || s == "\n" || s == "\r" { return false }
        let c = s.properties.generalCategory
        return c == .control || c == .format
    }

    /// ASCII symbols count as punctuation too ("$", "^", "`"), as in BERT.
    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) { return true }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
             0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F: true
        default: false
        }
    }
}
