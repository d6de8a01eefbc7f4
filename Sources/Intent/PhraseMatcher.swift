/// Where a lexicon phrase was heard in a run of words.
struct PhraseHit: Sendable, Hashable {
    var start: Int
    var length: Int
    /// Matched through a near-miss spelling rather than exactly.
    var fuzzy: Bool
    var end: Int { start + length }
}

/// Finds one short phrase among words, word for word or with its words merged or split
/// ("proto type" for "prototype"). Large tables go through `PhraseIndex` instead.
enum PhraseMatcher {
    static func find(_ phrase: [String], in words: [Word]) -> [PhraseHit] {
        guard let head = phrase.first, !words.isEmpty else { return [] }
        let joined = phrase.joined()
        var hits: [PhraseHit] = []
        var i = 0
        while i < words.count {
            defer { i = hits.last.map { max(i + 1, $0.end) } ?? i + 1 }
            let w = words[i].text
            guard w.first == head.first else { continue }
            if i + phrase.count <= words.count, phrase.indices.allSatisfy({ words[i + $0].text == phrase[$0] }) {
                hits.append(PhraseHit(start: i, length: phrase.count, fuzzy: false))
                continue
            }
            var concatenated = ""
            for n in 1...3 where i + n <= words.count && words[i + n - 1].clause == words[i].clause {
                concatenated += words[i + n - 1].text
                if concatenated.count > joined.count { break }
                if n != phrase.count, concatenated == joined {
                    hits.append(PhraseHit(start: i, length: n, fuzzy: false))
                    break
                }
            }
        }
        return hits
    }

    static func singular(_ word: String) -> String {
        word.hasSuffix("s") && word.count > 4 ? String(word.dropLast()) : word
    }
}
