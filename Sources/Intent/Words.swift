/// One spoken word, lower-cased and stripped of punctuation, with where it sits.
struct Word: Sendable, Hashable {
    /// Lower-case letters and digits ("stripe", "let's" -> "lets").
    var text: String
    /// As written, for labels ("GitHub").
    var original: String
    /// Written with a possessive "'s" ("Stripe's").
    var possessive: Bool
    /// Commas, semicolons and sentence ends start a new clause.
    var clause: Int
    var sentence: Int
}

/// Splits an utterance into words, clauses and sentences.
///
/// Speech recognisers punctuate unpredictably, so everything downstream works on plain
/// lower-case words; punctuation only marks where clauses end.
enum Words {
    static func split(_ text: String) -> [Word] {
        var words: [Word] = []
        var clause = 0, sentence = 0
        for raw in text.split(whereSeparator: { $0.isWhitespace }) {
            var piece = String(raw).replacingOccurrences(of: "\u{2019}", with: "'")
            var endsClause = false, endsSentence = false
            while let last = piece.last, !last.isLetter, !last.isNumber, last != "#" {
                if ".?!".contains(last) { endsSentence = true }
                if ",;:".contains(last) || last == "\u{2014}" { endsClause = true }
                piece.removeLast()
            }
            while let first = piece.first, !first.isLetter, !first.isNumber, first != "#" { piece.removeFirst() }
            // "full-width" and "Duolingo-ish" are two words; so is "multi-step".
            for part in piece.split(separator: "-") where !part.isEmpty {
                if let word = makeWord(String(part), clause: clause, sentence: sentence) { words.append(word) }
            }
            if endsSentence {
                sentence += 1
                clause += 1
            } else if endsClause {
                clause += 1
            }
        }
        return joinSpelledLetters(words)
    }

    private static let contractions = Lexicon.words.set("apostropheContractions")

    private static func makeWord(_ piece: String, clause: Int, sentence: Int) -> Word? {
        var lower = piece.lowercased()
        var possessive = false
        var original = piece
        if !contractions.contains(lower), lower.hasSuffix("'s") {
            lower.removeLast(2)
            original.removeLast(2)
            possessive = true
        } else if lower.hasSuffix("s'") {
            lower.removeLast()
            original.removeLast()
            possessive = true
        }
        let kept = lower.filter { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "#" }
        let text = kept.hasPrefix("#") ? kept : kept.replacingOccurrences(of: "'", with: "")
        guard !text.isEmpty else { return nil }
        return Word(text: text, original: original, possessive: possessive, clause: clause, sentence: sentence)
    }

    /// "air b and b" -> "air b n b": recognisers spell out "&" between single letters.
    private static func joinSpelledLetters(_ words: [Word]) -> [Word] {
        var result = words
        for i in result.indices.dropFirst().dropLast() where result[i].text == "and" {
            if result[i - 1].text.count == 1, result[i + 1].text.count == 1 { result[i].text = "n" }
        }
        return result
    }
}
