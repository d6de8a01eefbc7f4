import Brands
import Core

/// Puts brand and component words back where the recogniser heard a sound-alike: "like Strype"
/// becomes "like Stripe", "a bill shaped button" "a pill shaped button", "proto type"
/// "prototype". Pure text in, text out, applied to final utterances when the design prompt is on.
///
/// It rewrites only where it is confident: the heard words must be nearly the same sound as the
/// design word (`PhoneticKey`, at most one sound apart on long words, none on short ones), the
/// utterance must be design talk (it names a component, a brand or another design word), and a
/// brand must sit where a brand is cited ("like ...", "as ...", "... 's"). Ordinary talk with no
/// design word in it is never touched.
public struct DesignWordCorrector: Sendable {
    /// A word or phrase to put back, with its sound.
    struct Target: Sendable {
        var written: String
        var letters: String
        var key: PhoneticKey
        var isBrand: Bool
        /// May be heard as two words ("side bar"): joining them back is safe.
        var splits: Bool
        /// A short word is put back only before this word ("pill" before "shaped"), because
        /// alone its sound is an ordinary word's ("bill").
        var before: String?
    }

    private let targets: [Target]
    /// Lower-case letters of every target, and of every brand alias: words already right.
    private let known: Set<String>
    private let talkWords: Set<String>
    private let slotWords: Set<String>
    private let styleWords: Set<String>

    /// The built-in design words and the given brands (names and aliases).
    public init(brands: BrandTable) {
        self.init(brands: brands,
                  designWords: String(decoding: PackageResources.design_words_txt, as: UTF8.self),
                  talkWords: WordList.read(PackageResources.design_talk_words_txt),
                  slotWords: WordList.read(PackageResources.brand_slot_words_txt),
                  styleWords: WordList.read(PackageResources.brand_style_words_txt))
    }

    init(brands: BrandTable, designWords: String, talkWords: Set<String>, slotWords: Set<String>,
         styleWords: Set<String>) {
        var targets = Self.entries(designWords).map { entry in
            Target(written: entry.word, letters: Self.letters(entry.word), key: PhoneticKey(entry.word),
                   isBrand: false, splits: entry.splits, before: entry.before)
        }
        for brand in brands.brands {
            for alias in Set(brand.aliases + [brand.name.lowercased()]) where Self.letters(alias).count >= 4 {
                targets.append(Target(written: brand.name, letters: Self.letters(alias), key: PhoneticKey(alias),
                                      isBrand: true, splits: true, before: nil))
            }
        }
        self.targets = targets
        // Plurals of design words are right too ("avatars").
        known = Set(targets.map(\.letters) + targets.map { $0.letters + "s" })
        self.talkWords = talkWords.union(known)
        self.slotWords = slotWords
        self.styleWords = styleWords
    }

    /// The lines of design-words.txt: a word or phrase in lower case, whether a trailing `+` says
    /// it may be heard split in two, and the word after `>` it is put back only before.
    static func entries(_ designWords: String) -> [(word: String, splits: Bool, before: String?)] {
        WordList.lines(designWords).map { line in
            var word = line
            var before: String?
            if let arrow = word.firstIndex(of: ">") {
                before = word[word.index(after: arrow)...].trimmingCharacters(in: .whitespaces)
                word = word[..<arrow].trimmingCharacters(in: .whitespaces)
            }
            let splits = word.hasSuffix("+")
            if splits { word.removeLast() }
            return (word, splits, before)
        }
    }

    /// The text with design words put back; unchanged unless it is design talk.
    public func correct(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(Word.init)
        guard words.count <= 400, words.contains(where: { talkWords.contains($0.bare) }) else { return text }
        var i = 0
        var changed = false
        while i < words.count {
            if let (length, target, possessive) = match(at: i, in: words) ?? possessiveBrand(at: i, in: words) {
                let last = words[i + length - 1]
                var written = target.written
                if words[i].capitalised && !target.isBrand { written = written.prefix(1).uppercased() + written.dropFirst() }
                let replacement = Word(lead: words[i].lead, core: written + (possessive ? "'s" : ""), trail: last.trail)
                words.replaceSubrange(i..<(i + length), with: [replacement])
                changed = true
            }
            i += 1
        }
        return changed ? words.map(\.text).joined(separator: " ") : text
    }

    /// The longest run of words from `i` that sounds like a design word, where one fits, and
    /// whether it was said as a possessive.
    private func match(at i: Int, in words: [Word]) -> (Int, Target, Bool)? {
        for length in stride(from: min(3, words.count - i), through: 1, by: -1) {
            let run = words[i..<(i + length)]
            // A word already right is never part of a rewrite, nor is a run across a sentence end.
            if run.contains(where: { known.contains($0.bare) }) { continue }
            if run.dropLast().contains(where: { !$0.trail.isEmpty }) { continue }
            let letters = run.map(\.bare).joined()
            guard letters.count >= 3 else { continue }
            let key = PhoneticKey(letters)
            var best: (distance: Int, target: Target)?
            for target in targets {
                let distance: Int
                if length > 1 && letters == target.letters {
                    guard target.splits else { continue }
                    distance = 0
                } else {
                    distance = key.distance(to: target.key)
                    guard distance <= tolerance(target), Self.syllables(letters) == Self.syllables(target.letters),
                          accepts(target, at: i, length: length, in: words) else { continue }
                }
                if best == nil || distance < best?.distance ?? .max { best = (distance, target) }
            }
            if let best { return (length, best.target, run.last?.possessive ?? false) }
        }
        return nil
    }

    /// A cited brand written as a plural ("like AirBnbs, with the search in the middle"): the
    /// recogniser drops the apostrophe of a possessive. Only a capitalised word in a brand's
    /// citing place: "like apples" is fruit, "like Apples" a brand's look. Put back as the possessive.
    private func possessiveBrand(at i: Int, in words: [Word]) -> (Int, Target, Bool)? {
        let word = words[i]
        guard word.capitalised, !word.possessive, word.bare.hasSuffix("s") else { return nil }
        let stem = String(word.bare.dropLast())
        guard let target = targets.first(where: { $0.isBrand && $0.letters == stem }),
              accepts(target, at: i, length: 1, in: words) else { return nil }
        return (1, target, true)
    }

    /// Sounds a heard run may differ by. A brand in its citing place may be one sound off when
    /// it has four or more; a component word must sound the same, since one sound away there
    /// is nearly always an ordinary word ("number" and "navbar", "cart" and "card").
    private func tolerance(_ target: Target) -> Int {
        target.isBrand && target.key.sounds.filter { $0 != 0x2E }.count >= 4 ? 1 : 0
    }

    /// Whether the place suits the target: a brand right after a citing word ("like") or before
    /// a style word ("... style"), a
    /// component word with at least three sounds, or a shorter one right before its word.
    private func accepts(_ target: Target, at i: Int, length: Int, in words: [Word]) -> Bool {
        if target.isBrand {
            let cited = i > 0 && slotWords.contains(words[i - 1].bare) && words[i - 1].trail.isEmpty
            let styled = i + length < words.count && styleWords.contains(words[i + length].bare)
                && words[i + length - 1].trail.isEmpty
            return cited || styled
        }
        if let before = target.before {
            let next = i + length
            return next < words.count && words[next].bare == before && words[next - 1].trail.isEmpty
        }
        // Several heard words make one design word only if it is a long one that comes apart
        // ("put a type"); "put in" is not "button".
        return target.key.sounds.filter { $0 != 0x2E }.count >= 3 && (length == 1 || target.splits)
    }

    /// Vowel groups, a final silent "e" not counted: "stepper" (2) is not "sidebar" (3).
    static func syllables(_ letters: String) -> Int {
        var count = 0
        var inVowel = false
        let chars = Array(letters.utf8)
        for (n, c) in chars.enumerated() {
            let vowel = "aeiouy".utf8.contains(c)
            let silentE = c == 101 && n == chars.count - 1 && n > 0 && !inVowel
            if vowel && !inVowel && !silentE { count += 1 }
            inVowel = vowel
        }
        return count
    }

    private static func letters(_ text: some StringProtocol) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic && $0.isASCII })
    }
}

/// One word of a transcript with the punctuation around it kept apart (also read by
/// `DesignPrompt.echo`, so both see a final's words the same way).
struct Word {
    var lead: String
    var core: String
    var trail: String

    init(lead: String, core: String, trail: String) {
        self.lead = lead
        self.core = core
        self.trail = trail
    }

    init(_ token: Substring) {
        let start = token.firstIndex { $0.isLetter || $0.isNumber } ?? token.endIndex
        let end = token.lastIndex { $0.isLetter || $0.isNumber }.map { token.index(after: $0) } ?? start
        lead = String(token[..<start])
        core = String(token[start..<max(start, end)])
        trail = String(token[max(start, end)...])
    }

    var text: String { lead + core + trail }
    var possessive: Bool { core.lowercased().hasSuffix("'s") || core.hasSuffix("’s") }
    var capitalised: Bool { core.first?.isUppercase ?? false }

    /// Lower-case letters only, a possessive dropped: what is compared.
    var bare: String {
        var word = core.lowercased()
        if possessive { word.removeLast(2) }
        return String(word.unicodeScalars.filter { $0.properties.isAlphabetic && $0.isASCII })
    }
}
