/// Byte-level BPE encoding, for the prompt text that biases recognition.
extension Tokenizer {
    /// Whether `encode` can work: the model folder had merges in tokenizer.json.
    public var canEncode: Bool { merges.ranks != nil }

    /// Token ids of `text`, split into words as GPT-2 does, each word's bytes mapped to
    /// characters and merged pairwise by rank. Returns nil without merges.
    public func encode(_ text: String) -> [Int]? {
        guard let mergeRanks = merges.ranks else { return nil }
        var result: [Int] = []
        for word in Self.preTokenize(text) {
            let mapped = word.utf8.map { characterOfByte[Int($0)] }
            var parts = mapped.map { String($0) }
            while parts.count > 1 {
                var best = -1, bestRank = Int.max
                for i in 0..<(parts.count - 1) {
                    if let r = mergeRanks[parts[i] + " " + parts[i + 1]], r < bestRank {
                        bestRank = r
                        best = i
                    }
                }
                if best < 0 { break }
                parts[best] += parts[best + 1]
                parts.remove(at: best + 1)
            }
            for p in parts {
                if let id = ids[p] {
                    result.append(id)
                } else {
                    // Unreachable with a consistent vocabulary: every byte is a token.
                    for ch in p { if let id = ids[String(ch)] { result.append(id) } }
                }
            }
        }
        return result
    }

    /// GPT-2's pre-tokeniser, written out instead of as a regex:
    /// `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`.
    static func preTokenize(_ text: String) -> [String] {
        let s = Array(text.unicodeScalars)
        var words: [String] = []
        var i = 0
        func isLetter(_ c: UnicodeScalar) -> Bool {
            switch c.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
            default: false
            }
        }
        func isNumber(_ c: UnicodeScalar) -> Bool {
            switch c.properties.generalCategory {
            case .decimalNumber, .letterNumber, .otherNumber: true
            default: false
            }
        }
        func isSpace(_ c: UnicodeScalar) -> Bool { c.properties.isWhitespace }
        func take(_ from: Int, _ to: Int) { words.append(String(String.UnicodeScalarView(s[from..<to]))) }
        while i < s.count {
            // Contractions.
            if s[i] == "'" {
                let rest = String(String.UnicodeScalarView(s[(i + 1)..<min(s.count, i + 3)]))
                if rest.hasPrefix("re") || rest.hasPrefix("ve") || rest.hasPrefix("ll") {
                    take(i, i + 3); i += 3; continue
                }
                if let f = rest.unicodeScalars.first, "stmd".unicodeScalars.contains(f) {
                    take(i, i + 2); i += 2; continue
                }
            }
            let start = i
            var j = i
            if s[j] == " ", j + 1 < s.count, !isSpace(s[j + 1]) { j += 1 }
            let c = s[j]
            if isLetter(c) {
                while j < s.count, isLetter(s[j]) { j += 1 }
                take(start, j); i = j; continue
            }
            if isNumber(c) {
                while j < s.count, isNumber(s[j]) { j += 1 }
                take(start, j); i = j; continue
            }
            if !isSpace(c) {
                while j < s.count, !isSpace(s[j]), !isLetter(s[j]), !isNumber(s[j]) { j += 1 }
                take(start, j); i = j; continue
            }
            // A run of spaces: all but the last if a word follows (that one joins the word).
            var k = i
            while k < s.count, isSpace(s[k]) { k += 1 }
            if k < s.count, k - i > 1 { k -= 1 }
            take(i, k); i = k
        }
        return words
    }
}
