/// Reads the styles and colours asked for in an utterance.
///
/// A style is not asked when it is negated ("not pills", "without a shadow"), removed
/// ("lose the borders") or names a purpose ("a toggle for dark mode").
enum AttributeReader {
    /// Nouns that make an ambiguous palette name a colour: "stone colour", "rose tone".
    private static let colourNouns = Lexicon.words.set("colourNouns")
    /// Words that negate ornament into plainness: "nothing fancy", "no frills".
    private static let plainnessNegators = Lexicon.words.set("plainnessNegators")
    /// Nouns after which "light" is a thing ("light switch", "light level"), not a theme.
    private static let lightFixtures = Lexicon.words.set("lightFixtures")
    /// Pictures a size word may size ("large icons"): then it is not the component's size.
    private static let iconWords = Lexicon.words.set("iconWords")
    private static let negators = Lexicon.words.set("negators")
    private static let hoverScaleWords = Lexicon.words.set("hoverScaleWords")

    /// Styles named only by adjectives.
    private static let adjectiveStyles = Lexicon.words.set("adjectiveStyles")

    private static let styleIndex = PhraseIndex<String>(Lexicon.styles.map { (words: $0.words, value: $0.style, fuzzy: false) })

    static func read(_ words: [Word]) -> (styles: [String], colors: [String]) {
        var styles: [String] = []
        func add(_ s: String) { if !styles.contains(s) { styles.append(s) } }
        var covered = Set<Int>()
        // Longest phrases first, so "dark mode" is read once and "glow on hover" wins over "glow".
        let heard = styleIndex.find(in: words, fuzzy: false).sorted {
            $0.entry.words.count != $1.entry.words.count ? $0.entry.words.count > $1.entry.words.count : $0.hit.start < $1.hit.start
        }
        for found in heard {
            let hit = found.hit
            let style = found.entry.value
            if (hit.start..<hit.end).contains(where: covered.contains) { continue }
            // Adjectives have no plural: "which lights are on" names lamps, not a light theme ("it
            // glows", a verb, still asks for a glow).
            if hit.length == 1, found.entry.words.count == 1, found.entry.words[0] != words[hit.start].text,
               adjectiveStyles.contains(style) { continue }
            covered.formUnion(hit.start..<hit.end)
            if isNegated(hit.start, in: words) { continue }
            // "a magnifying glass icon" names the picture on an icon; "a big logo" is still a size.
            if hit.end < words.count, Self.iconWords.contains(words[hit.end].text),
               !["large", "small", "bold"].contains(style) { continue }
            if hit.start > 0, words[hit.start - 1].text == "for", ["dark", "light"].contains(style) { continue }
            if namesAMode(hit, in: words) { continue }
            // "light gray", "dark blue": a shade of the colour, not a light or dark theme.
            if ["dark", "light"].contains(style), hit.length == 1, hit.end < words.count, Lexicon.colors[words[hit.end].text] != nil { continue }
            // "the help center": a noun after another noun, not an alignment.
            if ["center", "centre"].contains(words[hit.start].text), hit.length == 1, hit.start > 0, words[hit.start - 1].clause == words[hit.start].clause,
               !centerLeads.contains(words[hit.start - 1].text), !Lexicon.fillers.contains(words[hit.start - 1].text) { continue }
            // "clean up", "light up", "round up": phrasal verbs, not looks.
            if hit.length == 1, hit.end < words.count, words[hit.end].text == "up" { continue }
            if style == "light", hit.end < words.count, Self.lightFixtures.contains(words[hit.end].text) { continue }
            add(style)
        }
        // "run the corners", "for width": a style phrase with one word heard wrong.
        for (phrase, style) in Lexicon.styles where phrase.count >= 2 && !styles.contains(style) {
            if nearPhrase(phrase, in: words, avoiding: covered) { add(style) }
        }
        // "grow a little on hover", "zoom on hover": a size change tied to hovering.
        for (i, w) in words.enumerated() where hoverScaleWords.contains(w.text) {
            let near = words[max(0, i - 4)...min(words.count - 1, i + 5)]
            if near.contains(where: { $0.text == "hover" || $0.text == "hovered" || $0.text == "hovering" }) { add("hover-scale") }
        }
        // "bill shaped", "pale shaped": a shape word heard wrong still sounds like the shape.
        for (i, w) in words.enumerated().dropFirst() where w.text == "shaped" || w.text == "shape" {
            let heard = SoundAlike.key(words[i - 1].text)
            for shape in ["pill", "square"] where heard == SoundAlike.key(shape) && !isNegated(i - 1, in: words) { add(shape) }
        }
        if asksForMotion(words) { add("animated") }
        if sizesAComponent("little", in: words) { add("small") }
        if asksForPlainness(words) { add("minimal") }
        if styles.contains("hover-glow"), !words.contains(where: { $0.text.hasPrefix("hover") }),
           !words.contains(where: { $0.text == "glow" || $0.text == "glowing" }) {
            styles.removeAll { $0 == "hover-glow" }
        }
        return (styles, readColors(words))
    }

    private static let centerLeads = Lexicon.words.set("centerLeads")
    private static let controls = Lexicon.words.set("modeControls")

    /// "a toggle for compact mode", "a dark mode switch": the mode is what a control switches,
    /// not how it looks.
    private static func namesAMode(_ hit: PhraseHit, in words: [Word]) -> Bool {
        let modeAt: Int
        if words[hit.end - 1].text == "mode" { modeAt = hit.end - 1 } else if hit.end < words.count, words[hit.end].text == "mode" { modeAt = hit.end } else { return false }
        if hit.start > 0, words[hit.start - 1].text == "for" { return true }
        return modeAt + 1 < words.count && controls.contains(words[modeAt + 1].text)
    }

    /// "a little card", "a little badge": a size word right before a component sizes it; "a
    /// little green dot", "grow a little" and "a little bigger" do not.
    private static func sizesAComponent(_ size: String, in words: [Word]) -> Bool {
        for (i, w) in words.enumerated() where w.text == size && i + 1 < words.count {
            if !Reading.findComponents(in: [words[i + 1]]).isEmpty, !isNegated(i, in: words) { return true }
        }
        return false
    }

    private static let manners = Lexicon.words.set("mannerAdverbs")
    private static let paths = Lexicon.words.set("pathParticles")

    /// A movement asked for: a motion verb with a manner ("fills smoothly", "opens gently"), a
    /// sliding or fading verb with a path ("slides in from the left"), or one that runs by itself
    /// ("auto scrolling", "autoplay").
    private static func asksForMotion(_ words: [Word]) -> Bool {
        for (i, w) in words.enumerated() where !isNegated(i, in: words) {
            let auto = w.text.hasPrefix("auto") && w.text.count > 6
            let verb = auto ? String(w.text.dropFirst(4)) : w.text
            let moving = Lexicon.motionVerbs.contains(verb), sliding = Lexicon.pathVerbs.contains(verb)
            guard moving || sliding else { continue }
            if auto || (i > 0 && words[i - 1].text == "auto") { return true }
            // "people fill in the form quickly", "when you scroll": what a person does, not the design.
            if i > 0, Lexicon.subjectPronouns.contains(words[i - 1].text) || words[i - 1].text == "people" { continue }
            let next = words[(i + 1)...].prefix { $0.clause == w.clause }.prefix(2).map(\.text)
            if next.contains(where: manners.contains) { return true }
            if sliding, let first = next.first, paths.contains(first) { return true }
        }
        return false
    }

    private static let ornaments = Lexicon.words.set("ornaments")

    /// Plainness asked for by negating ornament: "nothing fancy", "no frills", "not too busy".
    private static func asksForPlainness(_ words: [Word]) -> Bool {
        for (i, w) in words.enumerated() where ornaments.contains(w.text) {
            let before = words[max(0, i - 2)..<i].filter { $0.clause == w.clause }.map(\.text)
            if before.contains(where: { Self.plainnessNegators.contains($0) }) { return true }
        }
        return false
    }

    /// Every word but one as said, and that one sounding alike (same first letter, consonant
    /// keys one sound apart): recognisers garble single words, rarely whole phrases.
    private static func nearPhrase(_ phrase: [String], in words: [Word], avoiding covered: Set<Int>) -> Bool {
        guard words.count >= phrase.count else { return false }
        for i in 0...(words.count - phrase.count) where !covered.contains(i) {
            var odd: (heard: String, said: String)?
            var ok = true
            for (k, p) in phrase.enumerated() where words[i + k].text != p {
                if odd != nil || words[i + k].clause != words[i].clause { ok = false; break }
                odd = (words[i + k].text, p)
            }
            guard ok, let (heard, said) = odd, said.count >= 4, heard.count >= 3, heard.first == said.first,
                  !Lexicon.knownWords.contains(heard) else { continue }
            if SoundAlike.distance(SoundAlike.key(heard), SoundAlike.key(said), limit: 1) <= 1, !isNegated(i, in: words) {
                return true
            }
        }
        return false
    }

    private static func isNegated(_ start: Int, in words: [Word]) -> Bool {
        for j in max(0, start - 2)..<start where words[j].clause == words[start].clause {
            if negators.contains(words[j].text) { return true }
        }
        if start >= 2, words[start - 2].text == "instead", words[start - 1].text == "of" { return true }
        return false
    }

    static func readColors(_ words: [Word]) -> [String] {
        var colors: [String] = []
        for (i, w) in words.enumerated() {
            var found: String?
            if let c = Lexicon.colors[w.text] {
                found = c
            } else if Lexicon.ambiguousColors.contains(w.text), i + 1 < words.count,
                      Int(words[i + 1].text) != nil || Self.colourNouns.contains(words[i + 1].text) {
                found = w.text
            } else if w.text.hasPrefix("#"), [4, 7].contains(w.text.count), w.text.dropFirst().allSatisfy(\.isHexDigit) {
                found = w.text
            } else if i > 0, words[i - 1].text == "hex", [3, 6].contains(w.text.count), w.text.allSatisfy(\.isHexDigit) {
                // "hex 1a1a2e": the hash is not said.
                found = "#" + w.text
            }
            guard let color = found, !isNegated(i, in: words), !colors.contains(color) else { continue }
            // "black and white photos" is still a colour ask; "Black Friday" is caught by context elsewhere.
            colors.append(color)
        }
        return colors
    }
}
