import Brands

/// Finds brands cited as a style reference: "like Stripe's", "a Spotify style card",
/// "like what Stripe has", "like in Slack". A brand merely mentioned ("Stripe's revenue")
/// is not a reference.
///
/// Names are matched exactly, split or merged ("air b n b"), or by sound when the
/// reference frame makes a brand likely ("like what's to rip has" -> Stripe).
struct BrandSpotter: Sendable {
    /// Words before a brand in a like-phrase: "like what Stripe has", "like the Linear one".
    private static let leads = Lexicon.words.set("brandLeads")
    /// Words fused to a brand as a style reference: "Stripe-style", "Notion-ish".
    private static let suffixes = Lexicon.words.set("brandSuffixes")
    private struct Alias: Sendable {
        var brand: String
        var words: [String]
        var key: String
    }
    private let aliases: [Alias]
    private let index: PhraseIndex<String>

    init(brands: BrandTable) {
        var list: [Alias] = []
        for brand in brands.brands {
            let names = Set(brand.aliases + [brand.name.lowercased()])
            for name in names {
                let words = Words.split(name).map(\.text)
                guard !words.isEmpty else { continue }
                list.append(Alias(brand: brand.name, words: words, key: SoundAlike.key(words.joined())))
            }
        }
        aliases = list
        index = PhraseIndex(list.map { (words: $0.words, value: $0.brand, fuzzy: false) })
    }

    private static let after = Lexicon.words.set("brandStyleSuffixes")
    private static let likeWords = Lexicon.words.set("comparisonWords")
    private static let bridge = Lexicon.words.set("brandBridges")

    /// Brands cited as a style reference, in the order heard.
    func references(in words: [Word], components: [ComponentMention]) -> [String] {
        var found: [(Int, String)] = []
        for match in index.find(in: words, fuzzy: false) where isReference(match.hit, in: words, components: components) {
            found.append((match.hit.start, match.entry.value))
        }
        for (start, brand) in soundAlikes(in: words) + styleSoundAlikes(in: words) where !found.contains(where: { $0.1 == brand || $0.0 == start }) {
            found.append((start, brand))
        }
        var result: [String] = []
        for (_, brand) in found.sorted(by: { $0.0 < $1.0 }) where !result.contains(brand) { result.append(brand) }
        return result
    }

    private func isReference(_ hit: PhraseHit, in words: [Word], components: [ComponentMention]) -> Bool {
        if hit.end < words.count, Self.after.contains(words[hit.end].text), words[hit.end].clause == words[hit.end - 1].clause {
            return true
        }
        if likeFrame(before: hit.start, in: words) { return true }
        // "Rounder. Softer. More Airbnb.": "more" and the brand closing the clause.
        if hit.start > 0, words[hit.start - 1].text == "more", hit.end == words.count || words[hit.end].clause != words[hit.end - 1].clause {
            return true
        }
        // "Stripe's checkout", "Notion's sidebar": a possessive naming a component.
        if words[hit.end - 1].possessive, components.contains(where: { $0.hit.start >= hit.end && $0.hit.start <= hit.end + 2 }) {
            return true
        }
        return false
    }

    /// "like X", "like what X", "like the X", "like in X", "similar to X", "inspired by X".
    private func likeFrame(before start: Int, in words: [Word]) -> Bool {
        var j = start - 1
        var bridged = 0
        var skippedUnknown = false
        while j >= 0, bridged <= 3 {
            let w = words[j].text
            if Self.likeWords.contains(w) || w == "similar" || w == "inspired" { return true }
            // "the way Tesla does it".
            if w == "way", j > 0, words[j - 1].text == "the" { return true }
            if Self.bridge.contains(w) || w == "kind" { j -= 1; bridged += 1; continue }
            // One unknown word may sit between ("like mid Apple weather widgets" for "like the").
            if !skippedUnknown, j > 0, Self.likeWords.contains(words[j - 1].text) { skippedUnknown = true; j -= 1; continue }
            return false
        }
        return false
    }

    /// "new lingo style" for "Duolingo style": the one or two words before "style" whose
    /// consonant key is one sound away from a brand's (keys of four or more consonants).
    private func styleSoundAlikes(in words: [Word]) -> [(Int, String)] {
        var result: [(Int, String)] = []
        for (i, w) in words.enumerated() where Self.suffixes.contains(w.text) && i > 0 {
            for n in 1...2 where i - n >= 0 && words[i - n].clause == w.clause {
                let heard = words[(i - n)..<i].map(\.text).joined()
                let key = SoundAlike.key(heard)
                for alias in aliases where alias.key.count >= 4 {
                    if SoundAlike.distance(key, alias.key, limit: 1) <= 1, SoundAlike.distance(heard, alias.words.joined(), limit: 3) <= 3 {
                        result.append((i - n, alias.brand))
                    }
                }
            }
        }
        return result
    }

    /// Whether `heard` (inside a "like ..." frame) sounds like the brand `alias`: a near-miss
    /// spelling, the same consonant key, or for long names a key one sound away ("spot a fly",
    /// "net flicks"). Short names ("Uber") need the same key, nearly the same spelling and the
    /// same kind of first sound ("oober"; not "paper" or "pro").
    private static func soundsLike(_ heard: String, _ alias: Alias) -> Bool {
        let target = alias.words.joined()
        let key = SoundAlike.key(heard)
        if alias.key.count >= 4 {
            if key == alias.key || SoundAlike.nearMiss(heard, target) { return true }
            return heard.first == target.first && SoundAlike.distance(key, alias.key, limit: 1) <= 1
                && SoundAlike.distance(heard, target, limit: 3) <= 3
        }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        guard let h = heard.first, let t = target.first, h == t || (vowels.contains(h) && vowels.contains(t)) else { return false }
        return key == alias.key && heard.count >= 3 && SoundAlike.distance(heard, target, limit: 2) <= 2
    }

    /// Brand names heard wrong, accepted only inside a "like ..." frame: the consonant key of
    /// the next few words (joined, and from the last letter of the frame word on) must
    /// contain the brand's key.
    private func soundAlikes(in words: [Word]) -> [(Int, String)] {
        var result: [(Int, String)] = []
        for (i, w) in words.enumerated() where Self.likeWords.contains(w.text) {
            var start = i + 1
            var lead = ""
            if start < words.count, Self.leads.contains(words[start].text) {
                lead = words[start].text.hasSuffix("s") ? "s" : ""
                start += 1
            }
            guard start < words.count else { continue }
            var heard = lead
            for k in start..<min(words.count, start + 3) where words[k].clause == words[start].clause {
                heard += words[k].text
                // A possessive heard as a plural: "like liniers pricing", "kinda like oobers".
                let forms = heard.count > 4 && heard.hasSuffix("s") ? [heard, String(heard.dropLast())] : [heard]
                for form in forms {
                    for alias in aliases where !alias.words.joined().isEmpty && Self.soundsLike(form, alias) {
                        result.append((start, alias.brand))
                    }
                }
            }
        }
        return result
    }
}
