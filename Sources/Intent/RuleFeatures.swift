/// What the rules read in a line, as the numbers the intent head takes beside the embedding.
///
/// A sentence embedding knows what a line is about (buttons, dashboards, invoices) but not well
/// whether it asks or tells; these carry the frame: the rules' own confidence, looks, report
/// evidence, question and subject shapes, and whether a request came just before. Each is
/// scaled to about 0...1 so no single one swamps the others before standardisation.
enum RuleFeatures {
    /// Verbs after "I"/"we" that wish for something rather than report what someone does.
    private static let wishingVerbs = Lexicon.words.set("wishingVerbs")
    /// Words ending in "s" that the third-person reader would take for verbs.
    private static let notStatingVerbs = Lexicon.words.set("notStatingVerbs")
    static let names = [
        "rule_confidence", "create_cue", "desire", "edit", "anaphora", "component", "guessed_component", "looks",
        "brand", "design_parts", "ui_words", "past_events", "judgements", "topic_words", "asks_about", "someone_does",
        "verb_before_component", "recent_request", "existing", "states", "length",
    ]

    /// Present-tense verbs that state how things are ("the profile page has an avatar", "Amazon
    /// puts the button on the right") beside the third-person forms the component reader knows.
    static let stating = Lexicon.words.set("statingVerbs")

    /// Words that point at a design that exists already ("their pricing table has", "the old app
    /// had", "right now the search bar sits"): a description of it, not an ask.
    private static let existing = Lexicon.words.set("pointersToWhatExists")

    /// Words that open a clause setting the scene for what follows ("When a teacher logs in, the
    /// first thing should be their classes as tiles."): its verbs say when, not how things are.
    private static let sceneOpeners = Lexicon.words.set("sceneOpeners")

    private static let inquiries = Lexicon.worldQuestionWords
    private static let modals = Lexicon.modals

    /// A question about the world ("Why does the nav flicker", "did the checkout ever load"), read
    /// from the first word that is not a filler; "how about", "what if" suggest instead.
    static func asksAboutTheWorld(_ reading: Reading) -> Bool {
        let words = reading.words
        guard let at = words.firstIndex(where: { !Lexicon.fillers.contains($0.text) || modals.contains($0.text) }) else { return false }
        let suggests = at + 1 < words.count && ["about", "if"].contains(words[at + 1].text)
        return inquiries.contains(words[at].text) && !suggests
    }

    /// The words of a line's opening clause when it sets the scene for a later one ("When
    /// charging is done, a toast and a vibration."); empty otherwise.
    static func scene(_ reading: Reading) -> Range<Int> {
        let words = reading.words
        guard let at = words.firstIndex(where: { !Lexicon.fillers.contains($0.text) }), sceneOpeners.contains(words[at].text),
              let end = words[at...].firstIndex(where: { $0.clause != words[at].clause }) else { return 0..<0 }
        return 0..<end
    }

    /// A verb in the present with no modal or "to" before it, outside a scene-setting clause and
    /// outside a clause describing a thing: "has", not "should have", nor "logs in" in "when a
    /// teacher logs in, ...", nor "slides" in "a toast that slides in".
    static func statesHowThingsAre(_ reading: Reading, after scene: Range<Int>) -> Bool {
        let words = reading.words
        return words.indices.dropFirst(scene.count).contains { i in
            (stating.contains(words[i].text) || Reading.thirdPersonVerbs.contains(words[i].text))
                && !Self.notStatingVerbs.contains(words[i].text)
                && (i == 0 || !(modals.contains(words[i - 1].text) || words[i - 1].text == "to"))
                && !describesTheThingBefore(verb: i, in: words)
        }
    }

    private static let relativePronouns = Lexicon.words.set("relativePronouns")
    /// Words after which "that" opens no clause about a thing: "so that was fun", "I think that makes sense".
    private static let notBeforeRelative = Lexicon.words.set("notBeforeRelative")

    /// A verb right after "that", "which" or "who" that follows a noun says how that thing behaves
    /// ("a carousel of product screenshots that slides automatically", "a tooltip on the price that
    /// explains tax"): a design's behaviour, not a statement about the world. Of the labelled lines
    /// whose only stating verbs stand so, 15 of 18 in the training sets and 32 of 39 in the blind
    /// sets are design lines. A linking verb there still states ("the modal that was broken").
    static func describesTheThingBefore(verb i: Int, in words: [Word]) -> Bool {
        guard i >= 2, relativePronouns.contains(words[i - 1].text), !Lexicon.linkingVerbs.contains(words[i].text) else { return false }
        let before = words[i - 2].text
        return words[i - 2].clause == words[i - 1].clause && !notBeforeRelative.contains(before) && !Lexicon.fillers.contains(before)
            && !Lexicon.subjectPronouns.contains(before) && !Reading.pronouns.contains(before) && !Reading.isVerb(before)
    }

    /// A line that opens with a brand's thing ("Spotify's cards grow a little on hover") is about
    /// that brand's product, whatever its verb.
    static func opensWithABrandsThing(_ reading: Reading) -> Bool {
        guard let first = reading.words.first(where: { !Lexicon.fillers.contains($0.text) }), first.possessive else { return false }
        return reading.brandRefs.contains { $0.lowercased() == first.text }
    }

    /// How things are rather than how they should be: a present-tense statement outside a scene
    /// clause, or a brand's thing as the subject. What a line with no request frame must not be
    /// to be acted on alone (`IntentCombination.unframedCertainHead`).
    static func describesWhatIs(_ reading: Reading) -> Bool {
        statesHowThingsAre(reading, after: scene(reading)) || opensWithABrandsThing(reading)
    }

    /// "their", "the old", "right now" before any component is named.
    static func pointsAtWhatExists(_ reading: Reading) -> Bool {
        let words = reading.words, texts = words.map(\.text)
        let firstComponent = reading.components.first?.hit.start ?? words.count
        return words[..<firstComponent].contains { existing.contains($0.text) }
            || zip(texts, texts.dropFirst()).contains { $0 == "right" && $1 == "now" || $0 == "the" && $1 == "moment" }
    }

    /// Every feature at zero: the unread head's input, which reads a line's words and meeting alone.
    static let none = [Double](repeating: 0, count: names.count)

    /// `rules`: the rules' confidence, nil when they read no request; `recentRequest`: a line
    /// just before asked for a component.
    static func of(_ reading: Reading, rules: Double?, recentRequest: Bool) -> [Double] {
        let words = reading.words
        let named = reading.components.contains { !$0.weak && !$0.hit.fuzzy && !$0.misheard }
        let guessed = !named && !reading.components.isEmpty
        func capped(_ n: Int, _ top: Int) -> Double { Double(min(n, top)) / Double(top) }
        let looks = reading.styles.count + reading.colors.count
        let ui = words.filter { Lexicon.uiContext.contains($0.text) }.count
        let asksAbout = asksAboutTheWorld(reading)
        let scene = scene(reading)
        let told = words[scene.count...]
        let someoneDoes = zip(told, told.dropFirst()).contains { a, b in
            Lexicon.subjectPronouns.contains(a.text) && !Self.modals.contains(b.text) && a.clause == b.clause
                && !Self.wishingVerbs.contains(b.text)
        }
        let firstComponent = reading.components.first?.hit.start ?? words.count
        let states = statesHowThingsAre(reading, after: scene)
        let exists = pointsAtWhatExists(reading)
        let verbBefore = words[..<firstComponent].contains { Reading.isVerb($0.text) }
        return [
            rules ?? 0,
            reading.createCue == nil ? 0 : 1,
            reading.desire ? 1 : 0,
            reading.edit ? 1 : 0,
            reading.anaphora ? 1 : 0,
            named ? 1 : 0,
            guessed ? 1 : 0,
            capped(looks, 3),
            reading.brandRefs.isEmpty ? 0 : 1,
            capped(reading.designParts, 3),
            capped(ui, 2),
            capped(reading.report.pastEvents, 2),
            capped(reading.report.judgements, 2),
            capped(reading.report.topicWords, 3),
            asksAbout ? 1 : 0,
            someoneDoes ? 1 : 0,
            verbBefore ? 1 : 0,
            recentRequest ? 1 : 0,
            exists ? 1 : 0,
            states ? 1 : 0,
            capped(words.count, 30),
        ]
    }
}
