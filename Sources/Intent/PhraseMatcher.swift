/// Where a lexicon phrase was heard in a run of words.
struct PhraseHit: Sendable, Hashable {
    var start: Int
    var length: Int
    /// Matched through a near-miss spelling rather than exactly.
    var fuzzy: Bool
    var end: Int { start + length }
}

/// Finds lexicon phrases among words, tolerating plurals, split or merged words
/// ("nav bar"/"navbar", "proto type") and near-miss spellings ("carousal").
enum PhraseMatcher {
    static func find(_ phrase: [String], in words: [Word], fuzzy: Bool = true) -> [PhraseHit] {
        guard !phrase.isEmpty, !words.isEmpty else { return [] }
        let joined = phrase.joined()
        var hits: [PhraseHit] = []
        var i = 0
        while i < words.count {
            if let hit = match(phrase, joined: joined, at: i, in: words, fuzzy: fuzzy) {
                hits.append(hit)
                i = hit.end
            } else {
                i += 1
            }
        }
        return hits
    }

    private static func match(_ phrase: [String], joined: String, at i: Int, in words: [Word], fuzzy: Bool) -> PhraseHit? {
        // Word for word, with a plural on the last word.
        if i + phrase.count <= words.count {
            var ok = true
            for (k, p) in phrase.enumerated() {
                let w = words[i + k].text
                if w == p || (k == phrase.count - 1 && isPlural(w, of: p)) { continue }
                ok = false
                break
            }
            if ok { return PhraseHit(start: i, length: phrase.count, fuzzy: false) }
        }
        // Split or merged words: compare without spaces, within one clause.
        var concatenated = ""
        for n in 1...3 where i + n <= words.count {
            if words[i + n - 1].clause != words[i].clause { break }
            concatenated += words[i + n - 1].text
            if n == phrase.count { continue }
            if concatenated == joined || isPlural(concatenated, of: joined) {
                return PhraseHit(start: i, length: n, fuzzy: false)
            }
        }
        guard fuzzy else { return nil }
        concatenated = ""
        for n in 1...2 where i + n <= words.count {
            if words[i + n - 1].clause != words[i].clause { break }
            concatenated += words[i + n - 1].text
            // A merge of two short words is only a guess when it matches a long phrase.
            if n == 2, words[i].text.count < 3 { break }
            // A word the lexicon knows for something else is not a mis-hearing ("slide in" is not "slider").
            if n == 1, Lexicon.knownWords.contains(concatenated) { break }
            if SoundAlike.nearMiss(concatenated, joined) || SoundAlike.nearMiss(singular(concatenated), joined) {
                return PhraseHit(start: i, length: n, fuzzy: true)
            }
        }
        return nil
    }

    static func isPlural(_ word: String, of base: String) -> Bool {
        word == base + "s" || word == base + "es" || (base.hasSuffix("y") && word == base.dropLast() + "ies")
    }

    static func singular(_ word: String) -> String {
        word.hasSuffix("s") && word.count > 4 ? String(word.dropLast()) : word
    }
}
