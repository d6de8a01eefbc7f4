import Core
import Foundation

/// Finds short words worth printing on a component: "a pay button" -> "Pay",
/// "a get started button" -> "Get started", "a button that says Join now" -> "Join now"; for
/// other components, the ask's own nouns: "an invite dialog" -> "Invite dialog". Filler words
/// ("then", "maybe", "just": Core's `WordList.fillers`) are never part of a label.
enum LabelReader {
    /// Verbs that introduce a label: "a button that says Join now".
    private static let labelVerbs = Lexicon.words.set("labelVerbs")
    /// Words that end a look description ("pill-shaped", "Stripe-style"): no part of a label.
    private static let lookSuffixes = Lexicon.words.set("lookSuffixes")
    /// Words of talk that name nothing.
    static let fillers = WordList.fillers
    private static let heads = Lexicon.words.set("labelHeads")
    private static let stops = Lexicon.words.set("labelStops")
    private static let descriptive = Lexicon.words.set("labelDescriptive")

    static func read(_ words: [Word]) -> String? {
        if let said = quoted(words) { return said }
        for (i, w) in words.enumerated() where heads.contains(w.text) {
            // "a call to action button" names the kind of button, not its text.
            if words[max(0, i - 3)..<i].map(\.text).joined() == "calltoaction" { continue }
            var j = i - 1
            var taken: [Word] = []
            while j >= 0, words[j].clause == w.clause, !stops.contains(words[j].text), !fillers.contains(words[j].text),
                  taken.count < 5 {
                taken.insert(words[j], at: 0)
                j -= 1
            }
            // "pill shaped", "Stripe style": everything up to such a word describes the button.
            if let last = taken.lastIndex(where: { Self.lookSuffixes.contains($0.text) || $0.text == "like" }) {
                taken.removeSubrange(...last)
            }
            // Colours, styles and sizes describe the button; they are not its text.
            while let first = taken.first, isDescriptive(first.text) { taken.removeFirst() }
            guard !taken.isEmpty, taken.count <= 3 else { continue }
            if taken.contains(where: { isDescriptive($0.text) || Int($0.text) != nil }) { continue }
            if taken.map(\.text).joined(separator: " ").contains("call") { continue }
            if !Reading.findComponents(in: taken).isEmpty { continue }
            return capitalised(taken)
        }
        return named(words)
    }

    /// The ask's nouns before the component's own word: "an invite dialog" -> "Invite dialog",
    /// "the invoice table" -> "Invoice table". Only content words count: a component with nothing
    /// but looks before it ("a dark navbar") keeps its kind's name.
    private static func named(_ words: [Word]) -> String? {
        for mention in Reading.findComponents(in: words) where !mention.located && !mention.weak {
            let start = mention.hit.start, end = mention.hit.start + mention.hit.length
            guard end <= words.count, end > start, !heads.contains(words[end - 1].text) else { continue }
            var taken: [Word] = []
            var j = start - 1
            while j >= 0, taken.count < 2, isContent(words[j], in: words, at: j, clause: words[start].clause) {
                taken.insert(words[j], at: 0)
                j -= 1
            }
            guard !taken.isEmpty else { continue }
            return capitalised(taken + Array(words[start..<end]))
        }
        return nil
    }

    /// A word that may name what a component is for: not a stop or filler word, not a look, a
    /// number, a brand's possessive or a proper name (brands are looks too), in the mention's clause.
    private static func isContent(_ word: Word, in words: [Word], at i: Int, clause: Int) -> Bool {
        guard word.clause == clause, !stops.contains(word.text), !fillers.contains(word.text), !isDescriptive(word.text),
              !word.possessive, Int(word.text) == nil, word.text.count > 1,
              !Self.lookSuffixes.contains(word.text) else { return false }
        // A capital inside a sentence is a name ("Stripe", "Linear"), which the brand reader has.
        let sentenceStart = i == 0 || words[i - 1].sentence != word.sentence
        if !sentenceStart, word.original.first?.isUppercase == true { return false }
        return Reading.findComponents(in: [word]).isEmpty
    }

    private static func isDescriptive(_ word: String) -> Bool {
        descriptive.contains(word) || Lexicon.colors[word] != nil
            || Lexicon.styles.contains { $0.words.count == 1 && $0.words[0] == word }
    }

    /// "that says Join now", "labelled Start trial".
    private static func quoted(_ words: [Word]) -> String? {
        for (i, w) in words.enumerated() where Self.labelVerbs.contains(w.text) {
            let rest = words[(i + 1)...].prefix { $0.clause == w.clause }.prefix(3)
            if !rest.isEmpty { return capitalised(Array(rest)) }
        }
        return nil
    }

    private static func capitalised(_ words: [Word]) -> String {
        let text = words.map(\.original).joined(separator: " ")
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
