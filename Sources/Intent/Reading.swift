import Core

/// A component named in an utterance.
struct ComponentMention: Sendable, Hashable {
    var kind: ComponentKind
    var hit: PhraseHit
    var weak: Bool
    /// A recogniser's known mis-hearing ("network"), an ordinary word too.
    var misheard = false
    /// Follows a spatial word ("above the form"): where something goes, not what is asked.
    var located: Bool
}

/// What one utterance says, before any decision: components, attributes and request frames.
struct Reading: Sendable {
    /// Determiners skipped when looking back from a component for where it goes.
    private static let placeDeterminers = Lexicon.words.set("placeDeterminers")
    var words: [Word]
    var components: [ComponentMention] = []
    var styles: [String] = []
    var colors: [String] = []
    /// The create verb and the component it asks for ("mock up ... a login screen").
    var createCue: (verb: PhraseHit, object: ComponentMention)?
    /// A create verb with nothing after it yet: "let's build a" at the end of a line.
    var danglingCue = false
    /// "I want", "we need", "should be", "could the X have".
    var desire = false
    /// A clause that opens with an edit verb ("make it", "add a", "round the corners").
    var edit = false
    /// Refers back with a pronoun ("it", "that").
    var anaphora = false
    /// An edit that places a new component on a page ("add a search bar to the top of the page").
    var placesOnPage = false
    var designParts = 0
    /// Brands cited as a style reference.
    var brandRefs: [String] = []
    /// How much the line reads as news or a report rather than an ask.
    var report = ReportEvidence()
    /// An indefinite object ("a", "an", a bare plural after "need").
    var indefinite = false
    /// Put off to another time ("let's sketch out the pricing next time, not today", "by Friday"):
    /// planning the work, not asking for it now.
    var putOff = false

    init(_ text: String, brands: BrandSpotter) {
        words = Words.split(text)
        components = Self.findComponents(in: words)
        (styles, colors) = AttributeReader.read(words)
        brandRefs = brands.references(in: words, components: components)
        designParts = words.filter { Lexicon.designParts.contains($0.text) }.count
        // A known mis-hearing ("network" for "navbar") is also an ordinary word: it names a
        // component only when something else in the line is about design.
        if !hasDesignEvidence(besides: nil) { components.removeAll { $0.misheard } }
        readFrames()
        putOff = Self.putOffPhrases.contains { !PhraseMatcher.find($0, in: words).isEmpty }
        report = ReportReader.read(words, asked: askedSpan, from: createCue?.verb.start ?? 0)
    }

    private static let putOffPhrases = Lexicon.words.phrases("putOffPhrases")

    /// Styles, colours, a brand reference, a UI word, or a component heard as said other than `mention`.
    func hasDesignEvidence(besides mention: ComponentMention?) -> Bool {
        if !styles.isEmpty || !colors.isEmpty || !brandRefs.isEmpty { return true }
        if words.contains(where: { Lexicon.uiContext.contains($0.text) }) { return true }
        return components.contains { $0 != mention && !$0.misheard && !$0.hit.fuzzy && !$0.weak }
    }

    /// Where the description of the requested component runs: from the request verb (or the
    /// component's own phrase, or what a thing is shown as: "Pipelines as a table: branch,
    /// commit, who triggered it.") to the end of its sentence.
    private var askedSpan: Range<Int>? {
        let start: Int
        if let cue = createCue {
            start = cue.verb.end
        } else if desire || edit, let main = mainComponent {
            var s = main.hit.start
            while s > 0, words[s - 1].clause == words[main.hit.start].clause, main.hit.start - s < 3 { s -= 1 }
            start = s
        } else if let main = mainComponent, isShownAs(main) {
            start = main.hit.start
        } else {
            return nil
        }
        guard start < words.count else { return nil }
        let sentence = words[start].sentence
        let end = words[start...].firstIndex { $0.sentence != sentence } ?? words.count
        return start..<end
    }

    /// The component the line is about: the object of a create verb or of "have a", else the
    /// one `asked(among:)` picks.
    var mainComponent: ComponentMention? {
        if let cue = createCue { return cue.object }
        if let had = objectOfHave() { return had }
        return asked(among: components)
    }

    /// Which of `mentions` (in the order a frame prefers them) the line asks for. Every frame
    /// picks its kind here, so a line is read as the same component whichever frame reads it:
    /// - the name after a correction ("a detail modal... no, a detail card");
    /// - what a thing is shown as ("Room picker as cards", "Pipelines as a table");
    /// - the items of a list ("a simple list of toggles", "a feed of recipe cards");
    /// - else the first that is not a location ("a badge on the card"), else the first.
    func asked(among mentions: [ComponentMention]) -> ComponentMention? {
        if let corrected = correctedComponent, mentions.contains(corrected) { return corrected }
        let chosen = mentions.first(where: { !$0.located && isShownAs($0) }) ?? mentions.first { !$0.located } ?? mentions.first
        guard let list = chosen, list.kind == .list, list.hit.end < words.count, words[list.hit.end].text == "of" else { return chosen }
        return mentions.first { m in
            m.hit.start > list.hit.end && m.hit.start <= list.hit.end + 2 && words[m.hit.start].clause == words[list.hit.start].clause
        } ?? list
    }

    /// Words that make an "as" after them a comparison ("the same as the card", "as wide as the
    /// table", "such as").
    static let comparisonLeads = Lexicon.words.set("comparisonLeads")

    /// "as" within the two words before the mention, not a comparison.
    func isShownAs(_ mention: ComponentMention) -> Bool {
        guard let at = words[max(0, mention.hit.start - 2)..<mention.hit.start].lastIndex(where: { $0.text == "as" }) else { return false }
        return !words[max(0, at - 3)..<at].contains { Self.comparisonLeads.contains($0.text) }
    }

    /// Words by which a speaker takes back what they just said.
    private static let corrections = Lexicon.words.set("corrections")

    /// "a detail modal... no, a detail card": the name after a correction replaces the one before.
    private var correctedComponent: ComponentMention? {
        guard let first = components.first else { return nil }
        for (i, w) in words.enumerated() where i > first.hit.end - 1 {
            // "rather than a dropdown" sets a name aside; it takes nothing back.
            let takesBack = (Self.corrections.contains(w.text) && (i + 1 == words.count || words[i + 1].text != "than"))
                || (w.text == "no" && i + 1 < words.count && (words[i + 1].clause != w.clause || Lexicon.articles.contains(words[i + 1].text)))
            if takesBack, let later = components.first(where: { $0.hit.start > i && !$0.located }) { return later }
        }
        return nil
    }

    var hasDesignContent: Bool {
        !styles.isEmpty || !colors.isEmpty || components.contains { !$0.weak } || designParts > 0
    }

    /// Looks without a verb or a subject: "purple gradient, pill corners." Only a line before
    /// it can say what they are for.
    var isFragment: Bool {
        guard styles.count + colors.count + brandRefs.count > 0, components.isEmpty, createCue == nil, !desire, !edit,
              !anaphora, report.weight == 0 else { return false }
        if words.contains(where: { Lexicon.subjectPronouns.contains($0.text) || Lexicon.linkingVerbs.contains($0.text) }) { return false }
        // Mostly design words: "recent files load slowly for big accounts" has one, by chance.
        let content = words.filter { !Lexicon.functionWords.contains($0.text) && !Lexicon.fillers.contains($0.text) }
        let design = content.filter { isDesignWord($0.text) }
        return design.count * 2 >= content.count
    }

    private func isDesignWord(_ word: String) -> Bool {
        Lexicon.knownWords.contains(word) || Lexicon.colors[word] != nil || Lexicon.uiContext.contains(word)
            || brandRefs.contains { $0.lowercased() == word }
    }

    /// "a"/"an" within the three words before a mention: something new is asked for.
    func hasArticle(before mention: ComponentMention) -> Bool {
        words[max(0, mention.hit.start - 3)..<mention.hit.start].contains { ["a", "an"].contains($0.text) }
    }

    // MARK: components

    /// Nouns that turn a component word before them into a modifier: "button team", "card
    /// reader", "search engine", and work about a component ("checkout revamp", "login
    /// migration"). Plurals ("search results", "button clicks") are read by their shape.
    private static let modifierFollowers = Lexicon.words.set("modifierFollowers")

    /// Whether the word after a component name makes the name a modifier of another noun.
    static func isModifier(endingAt end: Int, in words: [Word]) -> Bool {
        guard end < words.count, end > 0, words[end].clause == words[end - 1].clause else { return false }
        let next = words[end].text
        if modifierFollowers.contains(next) { return true }
        // A plural that is not itself a UI word: "search results", "table numbers", "card details".
        guard isPluralNoun(words[end]), !Lexicon.knownWords.contains(next) else { return false }
        return componentIndex.find(in: [words[end]], fuzzy: false).isEmpty && !Lexicon.uiPlurals.contains(next)
    }

    /// Words ending in "s" that are not plural nouns, mostly verbs in the third person ("needs",
    /// "looks"): a component before them is still the subject.
    static let thirdPersonVerbs = Lexicon.words.set("thirdPersonVerbs")

    /// Looks like a plural noun ("results", "clicks", "requests") rather than a verb, an adverb, or
    /// a contraction ("that's", "it's": written with an apostrophe, or a linking verb, though it
    /// ends in "s").
    private static func isPluralNoun(_ heard: Word) -> Bool {
        let word = heard.text
        guard !heard.original.contains("'"), !Lexicon.linkingVerbs.contains(word), word.count >= 4, word.hasSuffix("s"),
              !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is"), !word.hasSuffix("ous"),
              !word.hasSuffix("ways"), !thirdPersonVerbs.contains(word) else { return false }
        return true
    }

    private static let componentIndex = PhraseIndex<Lexicon.ComponentName>(
        Lexicon.components.map { (words: $0.words, value: $0, fuzzy: !$0.misheard) })

    static func findComponents(in words: [Word]) -> [ComponentMention] {
        var found: [ComponentMention] = []
        for match in componentIndex.find(in: words) {
            let name = match.entry.value
            var hit = match.hit
            if name.misheard { hit.fuzzy = true }
            if isModifier(endingAt: hit.end, in: words) { continue }
            found.append(ComponentMention(kind: name.kind, hit: hit, weak: name.weak, misheard: name.misheard,
                                          located: isLocated(hit.start, in: words)))
        }
        // Longer and exact names win where they overlap ("search bar" over "search", "login form" over "form").
        found.sort { a, b in
            if a.hit.fuzzy != b.hit.fuzzy { return !a.hit.fuzzy }
            if a.hit.length != b.hit.length { return a.hit.length > b.hit.length }
            return a.hit.start < b.hit.start
        }
        var kept: [ComponentMention] = []
        for m in found where !kept.contains(where: { $0.hit.start < m.hit.end && m.hit.start < $0.hit.end }) {
            kept.append(m)
        }
        // English compounds end in their head: a "hero carousel" is a carousel, a "login button" a button.
        let all = kept
        kept.removeAll { m in
            all.contains { $0.hit.start == m.hit.end && words[$0.hit.start].clause == words[m.hit.start].clause && heads(m, $0, in: words) }
        }
        return kept.sorted { $0.hit.start < $1.hit.start }
    }

    /// Whether `second`, right after `first`, is the head of the compound. A weak name is not
    /// ("alert banner"), nor a word for a role rather than a kind ("sidebar nav", "toggle button").
    private static func heads(_ first: ComponentMention, _ second: ComponentMention, in words: [Word]) -> Bool {
        if second.weak || second.misheard || first.kind == second.kind { return false }
        if second.kind == .navbar, ["nav", "navigation"].contains(words[second.hit.start].text) { return false }
        if second.kind == .button, [.toggle, .dropdown, .tabs].contains(first.kind) { return false }
        return true
    }

    private static func isLocated(_ start: Int, in words: [Word]) -> Bool {
        var j = start - 1
        var skipped = 0
        var determined = false
        while j >= 0, skipped < 4, words[j].clause == words[start].clause {
            let w = words[j].text
            if Lexicon.locators.contains(w) { return true }
            if Self.placeDeterminers.contains(w) || words[j].possessive {
                determined = true
                j -= 1
                skipped += 1
                continue
            }
            // One modifier word between the determiner and the name ("the pricing cards", "the bottom
            // corner"); a word before the determiner is another phrase: in "on each card a toggle"
            // the card is where, the toggle what.
            if !determined, skipped < 2 { j -= 1; skipped += 1; continue }
            return false
        }
        return false
    }

    /// "the login screen have a continue-with-GitHub button", "the card gets a blue badge": what
    /// comes after "have a" is asked for.
    private func objectOfHave() -> ComponentMention? {
        for (i, w) in words.enumerated() where ["have", "has", "gets"].contains(w.text) {
            guard i + 1 < words.count, Lexicon.articles.contains(words[i + 1].text) else { continue }
            for m in components where m.hit.start > i + 1 && m.hit.start <= i + 6 {
                let between = words[(i + 1)..<m.hit.start]
                if between.contains(where: { $0.text == "and" || $0.clause != w.clause }) { break }
                return m
            }
        }
        return nil
    }
}
