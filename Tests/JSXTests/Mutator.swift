import TestSupport

/// Breaks valid components the way a hurried model or a typo would: deleted braces, stray
/// tokens, unclosed and mismatched tags. Seeded, so every run builds the same corpus.
struct Mutator {
    var random: SeededRandom

    static let strays = [")", "]", "}", "{", "(", ";", "=>", "<", ">", "@", "#", "..", "=", "?", ",", "<div>", "</span>",
                         "'", "\"", "`", "let", "return", "const x", "?.", "&&", "/", "*", "import", "0x", "\\"]

    enum Kind: String, CaseIterable { case deleteBrace, deleteParen, stray, unclose, mismatch, deleteQuote, swapChars, truncate }

    mutating func mutate(_ source: String) -> (String, Kind) {
        var chars = Array(source)
        let kind = random.pick(Kind.allCases)
        func positions(_ wanted: Set<Character>) -> [Int] { chars.indices.filter { wanted.contains(chars[$0]) } }
        switch kind {
        case .deleteBrace, .deleteParen, .deleteQuote:
            let wanted: Set<Character> = kind == .deleteBrace ? ["{", "}"] : kind == .deleteParen ? ["(", ")"] : ["\"", "'", "`"]
            let found = positions(wanted)
            if let i = found.isEmpty ? nil : random.pick(found) { chars.remove(at: i) }
        case .stray:
            let i = random.int(0..<max(chars.count, 1))
            chars.insert(contentsOf: " " + random.pick(Self.strays) + " ", at: min(i, chars.count))
        case .unclose, .mismatch:
            // Find a closing tag `</name>`.
            let text = String(chars)
            var closers: [Range<String.Index>] = []
            var search = text.startIndex..<text.endIndex
            while let r = text.range(of: "</", range: search) {
                if let end = text[r.upperBound...].firstIndex(of: ">") { closers.append(r.lowerBound..<text.index(after: end)) }
                search = r.upperBound..<text.endIndex
            }
            guard !closers.isEmpty else { break }
            let r = random.pick(closers)
            let replacement = kind == .unclose ? "" : "</" + random.pick(["div", "span", "p", "Foo", "motion.div", "a:b"]) + ">"
            return (text.replacingCharacters(in: r, with: replacement), kind)
        case .swapChars:
            if chars.count > 2 {
                let i = random.int(0..<chars.count - 1)
                chars.swapAt(i, i + 1)
            }
        case .truncate:
            chars = Array(chars.prefix(random.int(0..<max(chars.count, 1))))
        }
        return (String(chars), kind)
    }
}
