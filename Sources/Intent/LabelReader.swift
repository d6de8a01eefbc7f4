/// Finds short words worth printing on a component: "a pay button" -> "Pay",
/// "a get started button" -> "Get started", "a button that says Join now" -> "Join now".
enum LabelReader {
    private static let heads: Set<String> = ["button", "buttons", "cta", "link"]
    private static let stops: Set<String> = ["a", "an", "the", "and", "or", "to", "one", "that", "this", "our", "their", "your", "my", "of"]
    private static let descriptive: Set<String> = [
        "primary", "secondary", "tertiary", "main", "big", "little", "small", "large", "huge", "tiny", "round", "rounded",
        "new", "nice", "single", "two", "three", "four", "several", "few", "some", "more", "other", "same", "icon",
        "submit", "default",
    ]

    static func read(_ words: [Word]) -> String? {
        if let said = quoted(words) { return said }
        for (i, w) in words.enumerated() where heads.contains(w.text) {
            // "a call to action button" names the kind of button, not its text.
            if words[max(0, i - 3)..<i].map(\.text).joined() == "calltoaction" { continue }
            var j = i - 1
            var taken: [Word] = []
            while j >= 0, words[j].clause == w.clause, !stops.contains(words[j].text), taken.count < 5 {
                taken.insert(words[j], at: 0)
                j -= 1
            }
            // "pill shaped", "Stripe style": everything up to such a word describes the button.
            if let last = taken.lastIndex(where: { ["shaped", "shape", "style", "styled", "ish", "like", "looking"].contains($0.text) }) {
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
        return nil
    }

    private static func isDescriptive(_ word: String) -> Bool {
        descriptive.contains(word) || Lexicon.colors[word] != nil
            || Lexicon.styles.contains { $0.words.count == 1 && $0.words[0] == word }
    }

    /// "that says Join now", "labelled Start trial".
    private static func quoted(_ words: [Word]) -> String? {
        for (i, w) in words.enumerated() where ["says", "saying", "labelled", "labeled", "reads", "reading"].contains(w.text) {
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
