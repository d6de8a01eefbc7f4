/// A lexicon table compiled for fast lookup: every phrase is keyed by its words joined
/// without spaces, so split, merged and plural forms ("nav bar", "navbar", "navbars") are
/// one dictionary lookup per run of up to three words. Near-miss spellings are tried only
/// against phrases with the same first letter.
struct PhraseIndex<Value: Sendable>: Sendable {
    struct Entry: Sendable {
        var words: [String]
        var joined: String
        /// `SoundAlike.key(joined)`, computed once.
        var key: String
        var value: Value
        /// Whether a near-miss spelling may match this phrase.
        var fuzzy: Bool
    }
    /// One place an entry was heard.
    struct Found: Sendable {
        var entry: Entry
        var hit: PhraseHit
    }

    let entries: [Entry]
    private let byJoined: [String: [Int]]
    private let byInitial: [Character: [Int]]

    init(_ phrases: [(words: [String], value: Value, fuzzy: Bool)]) {
        var entries: [Entry] = []
        var byJoined: [String: [Int]] = [:]
        var byInitial: [Character: [Int]] = [:]
        for p in phrases where !p.words.isEmpty {
            let joined = p.words.joined()
            byJoined[joined, default: []].append(entries.count)
            if p.fuzzy, joined.count >= 6, let first = joined.first { byInitial[first, default: []].append(entries.count) }
            entries.append(Entry(words: p.words, joined: joined, key: SoundAlike.key(joined), value: p.value, fuzzy: p.fuzzy))
        }
        self.entries = entries
        self.byJoined = byJoined
        self.byInitial = byInitial
    }

    /// Every place any phrase is heard, overlapping ones included; callers pick among them.
    func find(in words: [Word], fuzzy: Bool = true) -> [Found] {
        var found: [Found] = []
        for i in words.indices {
            var gram = ""
            for n in 1...3 where i + n <= words.count {
                if words[i + n - 1].clause != words[i].clause { break }
                gram += words[i + n - 1].text
                for form in Self.forms(of: gram) {
                    for e in byJoined[form] ?? [] { found.append(Found(entry: entries[e], hit: PhraseHit(start: i, length: n, fuzzy: false))) }
                }
                guard fuzzy, n <= 2, let first = gram.first else { continue }
                // A merge of two short words is only a guess when it matches a long phrase.
                if n == 2, words[i].text.count < 3 { continue }
                // A word the lexicon knows for something else is not a mis-hearing ("slide in" is not "slider"),
                // nor is a verb's inflection: names do not end in "-ed" or "-ing" ("picked" is not "picker").
                if n == 1, Lexicon.knownWords.contains(gram) || gram.hasSuffix("ed") || gram.hasSuffix("ing") { continue }
                let singular = PhraseMatcher.singular(gram)
                guard let candidates = byInitial[first] else { continue }
                let gramKey = SoundAlike.key(gram), singularKey = SoundAlike.key(singular)
                for e in candidates where entries[e].joined != gram && entries[e].joined != singular {
                    let entry = entries[e]
                    if SoundAlike.nearMiss(gram, heardKey: gramKey, entry.joined, targetKey: entry.key)
                        || SoundAlike.nearMiss(singular, heardKey: singularKey, entry.joined, targetKey: entry.key) {
                        found.append(Found(entry: entries[e], hit: PhraseHit(start: i, length: n, fuzzy: true)))
                    }
                }
            }
        }
        return found
    }

    /// The word itself and the singulars it may be the plural of.
    private static func forms(of gram: String) -> [String] {
        var forms = [gram]
        if gram.hasSuffix("ies"), gram.count > 4 { forms.append(String(gram.dropLast(3)) + "y") }
        if gram.hasSuffix("es"), gram.count > 3 { forms.append(String(gram.dropLast(2))) }
        if gram.hasSuffix("s"), gram.count > 2 { forms.append(String(gram.dropLast())) }
        return forms
    }
}
