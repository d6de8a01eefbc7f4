import Brands
import Core

/// Turns final transcript lines, in meeting order, into design intents.
///
/// Each line is read for components, styles, colours and brand references, then for a
/// request frame: a create verb with a component as its object ("let's mock up a login
/// screen"), a wish or prescription ("the footer should be dark"), or an edit of the last
/// component ("make it bigger"). Mentions without a frame ("the button broke last week")
/// are talk, not intents. Deterministic: the same lines give the same intents.
///
/// With a scorer, every line is also embedded and scored by the intent head, which sees the
/// rules' reading among its inputs; its probability is the published confidence, and a line
/// the rules found no frame in ("Car results as cards.") can still be an intent.
/// A line the rules read nothing in at all is asked of the scorer's unread head, which reads
/// only the line and its meeting: what it is sure of is offered, never made.
public struct IntentExtractor: Sendable {
    /// Intents below this confidence are not published.
    public let threshold: Double
    private let brands: BrandSpotter
    /// The embedding head beside the rules; nil: the rules alone.
    public let scorer: IntentScorer?
    /// Embeds lines for the trainer, which has no head yet to score them with.
    private let featureEmbedder: (any SentenceEmbedding)?
    /// How many lines before each line the head reads the mean embedding of (0: none): the
    /// scorer's head's, or what the trainer records. Only that many lines are kept.
    private let contextLines: Int
    /// The kinds as embeddings: what an ask naming no component asks for.
    private let prototypes: KindPrototypes?
    /// The head's input for the last line assessed (with an embedding), for the trainer.
    private(set) var lastInput: [Double]?
    /// Records every line's input instead, its rule features at zero: for the unread head.
    private let recordsUnread: Bool
    /// The last component asked for (not refined): what "make it bigger" changes.
    private var current: ComponentKind?
    /// Components named inside the request for `current` ("a form with a save button"): "the
    /// save button" on the very next line is that part of it, not a new button.
    private var currentParts: Set<ComponentKind> = []
    /// One line heard, and the component it asked for (published or not).
    private struct Heard: Sendable {
        var text: String
        var reading: Reading
        var asked: ComponentKind?
    }
    /// The last three lines, for requests split over lines: "let's do a card for the plan." then
    /// "purple gradient, pill corners."
    private var window: [Heard] = []
    /// The meeting's last `contextLines` lines, each with its embedding once something needed it:
    /// the head's context. A line is embedded at most once, and only when a line after it is scored.
    private var recent: [(text: String, embedding: [Float]?)] = []
    /// Utterance ids already read: delivery may repeat a line, and a repeat must not ask twice.
    private var seen: Set<String> = []

    public init(brands: BrandTable, threshold: Double = 0.75, scorer: IntentScorer? = nil) {
        self.brands = BrandSpotter(brands: brands)
        self.threshold = threshold
        self.scorer = scorer
        featureEmbedder = nil
        recordsUnread = false
        contextLines = scorer?.head.contextLines ?? 0
        prototypes = scorer?.prototypes
    }

    /// Rules alone, recording the head's input (`lastInput`) for every line the head would be
    /// asked about: for training. `contextLines`: with the mean embedding of that many lines before.
    /// `unread`: record every line instead, as the unread head reads it (no rule features).
    init(brands: BrandTable, recordingWith embedder: any SentenceEmbedding, contextLines: Int = 0, unread: Bool = false) {
        self.brands = BrandSpotter(brands: brands)
        threshold = 0.75
        scorer = nil
        featureEmbedder = embedder
        recordsUnread = unread
        self.contextLines = min(max(contextLines, 0), IntentHead.maximumContextLines)
        prototypes = KindPrototypes(embedder: embedder)
    }

    /// Feeds one final utterance (in meeting order); returns an intent when one is found with confidence >= threshold.
    public mutating func extract(_ utterance: Utterance) -> IntentMsg? {
        guard let intent = assess(utterance), intent.confidence >= threshold else { return nil }
        return intent
    }

    /// The best reading of a final utterance with its confidence, published or not. The
    /// meeting moves on exactly as with `extract`; a partial or repeated utterance gives nil.
    public mutating func assess(_ utterance: Utterance) -> IntentMsg? {
        guard utterance.isFinal, seen.insert(utterance.id).inserted else { return nil }
        // Only the start of an overlong line is read: the rules' cost grows faster than the line.
        var utterance = utterance
        utterance.msg.text = Self.readable(utterance.msg.text)
        let reading = Reading(utterance.msg.text, brands: brands)
        let (found, input, offeredOnly) = candidate(for: utterance, reading: reading)
        lastInput = input
        let published = (found?.confidence ?? 0) >= threshold
        // What a following line of looks alone would describe: the component asked for or changed,
        // when the line was at least an even bet (a guess that weak is not worth carrying). An
        // offer of the unread head asks nothing a later line goes on with.
        let asked = offeredOnly ? nil : found.flatMap { $0.confidence >= 0.5 ? ($0.refine ? $0.refersTo : $0.component) : nil }
        remember(Heard(text: utterance.msg.text, reading: reading, asked: asked))
        // The line's own embedding, when the head's input was made, is its part of the context of
        // the lines after it.
        if contextLines > 0 {
            let dimension = featureEmbedder?.dimension ?? scorer?.embedder.dimension ?? 0
            recent.append((utterance.msg.text, input.map { $0.prefix(dimension).map(Float.init) }))
            if recent.count > contextLines { recent.removeFirst() }
        }
        currentParts = []
        if published, let intent = found, !intent.refine, let kind = intent.component {
            current = kind
            currentParts = Set(reading.components.map(\.kind))
        }
        return found
    }

    /// The best reading of an utterance with its confidence, published or not; the head's input
    /// when there is an embedding to build it from; whether the reading may only be offered (the
    /// unread head's).
    mutating func candidate(for utterance: Utterance, reading heard: Reading) -> (IntentMsg?, [Double]?, offeredOnly: Bool) {
        var reading = heard
        if reading.createCue == nil, window.last?.reading.danglingCue == true,
           let first = reading.components.first(where: { !$0.located && !$0.weak }), first.hit.start <= 3 {
            reading.createCue = (PhraseHit(start: 0, length: 0, fuzzy: false), first)
        }
        var decision = (decide(reading) ?? continuation(of: reading)).map { found in
            var d = found
            if !reading.brandRefs.isEmpty { d.confidence += 0.03 }
            d.confidence -= 0.3 * reading.report.weight
            d.confidence = min(0.99, max(0, d.confidence))
            return d
        }
        var input: [Double]?
        let recentRequest = window.contains { $0.asked != nil }
        let ruleFeatures = { RuleFeatures.of(reading, rules: decision?.confidence, recentRequest: recentRequest) }
        // What a head would be asked about; with no head to ask (rules alone), not worked out.
        let asked = featureEmbedder == nil && scorer == nil ? decision : decision ?? headDecision(reading)
        if let featureEmbedder, recordsUnread || asked != nil {
            // Only lines the head would be asked about at run time are worth training it on. The
            // unread head learns from every line, by its words and its meeting alone: the lines
            // it is asked about are the few the rules miss, too few to learn from by themselves.
            input = headInput(utterance.msg.text, embedder: featureEmbedder, rules: recordsUnread ? RuleFeatures.none : ruleFeatures())
        } else if let scorer, let asked, scorer.needsHead(rules: decision?.confidence) {
            // Embedding costs far more than the rules, so it is only done when the head could change
            // the outcome: never for a line no intent can be built from.
            let rules = decision?.confidence
            let x = headInput(utterance.msg.text, embedder: scorer.embedder, rules: ruleFeatures())
            if x.count == scorer.head.weights.count {
                decision = asked
                if asked.byDescription {
                    let kind = nearestKind(x, dimension: scorer.embedder.dimension)
                    decision = kind == nil ? nil : decision
                    decision?.component = kind
                }
                decision?.confidence = scorer.combination.confidence(rules: rules, head: scorer.head.probability(x),
                                                                     describesWhatIs: RuleFeatures.describesWhatIs(reading))
                input = x
            }
        } else if let scorer, let head = scorer.unread, asked == nil, Self.mayAskUnread(reading) {
            // Nothing the rules know is in the line ("Then on the left, everyone's shifts, one row
            // each."): the head for such lines, reading the meeting before it, may still take it
            // for an ask. Only offered, at most, and of the kind its embedding is nearest to.
            let x = headInput(utterance.msg.text, embedder: scorer.embedder, rules: RuleFeatures.none)
            if x.count == head.weights.count {
                input = x
                if head.probability(x) >= IntentCombination.unreadOfferHead,
                   let kind = nearestKind(x, dimension: scorer.embedder.dimension) {
                    decision = Decision(component: kind, confidence: IntentCombination.unframed, cue: false, refine: false,
                                        byDescription: true, unread: true)
                }
            }
        }
        guard let decision else { return (nil, input, false) }
        // A request put off to another time is offered, never made on its own: nobody asked for it now.
        let now = reading.putOff ? min(decision.confidence, IntentCombination.unframed) : decision.confidence
        let confidence = (min(0.99, max(0, now)) * 100).rounded() / 100
        let intent = IntentMsg(
            utteranceID: utterance.id, component: decision.component, styles: reading.styles, brandRefs: reading.brandRefs,
            confidence: confidence, speaker: utterance.msg.speaker, colors: reading.colors, cue: decision.cue,
            refine: decision.refine, refersTo: decision.refine ? (decision.refersTo ?? current) : nil,
            label: LabelReader.read(reading.words), text: utterance.msg.text)
        return (intent, input, decision.unread)
    }

    /// A head's input for a line: its embedding, the meeting's context (when the heads read it)
    /// and `rules`.
    private mutating func headInput(_ text: String, embedder: any SentenceEmbedding, rules: [Double]) -> [Double] {
        let context = contextLines > 0 ? contextMean(embedder: embedder) : nil
        return IntentScorer.input(embedder.embed(text), context: context, rules: rules)
    }

    /// The kind whose prototype is nearest to the line's embedding, the first `dimension` values of `x`.
    private func nearestKind(_ x: [Double], dimension: Int) -> ComponentKind? {
        prototypes?.nearest(to: x.prefix(dimension).map(Float.init))?.kind
    }

    /// What a line the rules read no request in would ask for, should the head say it asks: the
    /// component it names (the current one or a part of it again: a change to it), else a change
    /// of looks to the current component, else the rest of a request just made but not yet
    /// published (as `continuation` reads looks). A line naming nothing with no looks asks nothing.
    private static let vagueParts = Lexicon.words.set("vagueParts")

    /// Whether the unread head may be asked about a line the rules read nothing in: one naming
    /// no component and no looks (a line of looks alone, "With rounded corners, maybe.", goes on
    /// with something said before it, or with nothing), not a question about how things are, not
    /// a pointer at what exists ("right now the search sits in the header"), not a statement of
    /// how things are ("the kiosks are portrait screens").
    private static func mayAskUnread(_ reading: Reading) -> Bool {
        !reading.words.isEmpty && reading.components.isEmpty && reading.styles.isEmpty && reading.colors.isEmpty
            && reading.brandRefs.isEmpty && !RuleFeatures.asksAboutTheWorld(reading) && !RuleFeatures.pointsAtWhatExists(reading)
            && !RuleFeatures.describesWhatIs(reading)
    }

    private func headDecision(_ reading: Reading) -> Decision? {
        // A question about how things are, or a statement of it ("the profile page has an avatar",
        // "their navbar turns white"), is talk whatever its words are about, unless it also asks.
        let asks = reading.desire || reading.edit || reading.createCue != nil
        if !asks, RuleFeatures.asksAboutTheWorld(reading) || RuleFeatures.pointsAtWhatExists(reading) {
            return nil
        }
        // Names heard as said before guesses ("status page" is not "status badge").
        let sure = reading.components.filter { !$0.weak || reading.indefinite }
            .filter { !($0.hit.fuzzy || $0.misheard) || reading.hasDesignEvidence(besides: $0) }
            .sorted { !$0.hit.fuzzy && $1.hit.fuzzy }
        if let named = reading.asked(among: sure) {
            if isCurrent(named, in: reading) {
                return Decision(component: named.kind, confidence: 0, cue: false, refine: true, refersTo: current)
            }
            return Decision(component: named.kind, confidence: 0, cue: reading.createCue != nil, refine: false)
        }
        // A wish that names no component and no looks ("somewhere people can upload their files"),
        // or a thing shown as one ("Ingredients as a checklist"): the head judges whether it
        // asks, and its embedding says for what.
        let looks = !reading.styles.isEmpty || !reading.colors.isEmpty || !reading.brandRefs.isEmpty
        if reading.desire || reading.showsSomethingAs, reading.components.isEmpty, !looks, prototypes != nil {
            return Decision(component: nil, confidence: 0, cue: false, refine: false, byDescription: true)
        }
        // A change that names nothing must say what changes: looks, or a visible part ("the corners").
        // "one" and "version" are parts only in talk about designs ("Hold on, one sec" is not).
        let parts = reading.words.contains { Lexicon.designParts.contains($0.text) && !Self.vagueParts.contains($0.text) }
        guard !reading.styles.isEmpty || !reading.colors.isEmpty || !reading.brandRefs.isEmpty || parts else { return nil }
        if let current { return Decision(component: nil, confidence: 0, cue: false, refine: true, refersTo: current) }
        guard let asked = window.last(where: { $0.asked != nil })?.asked else { return nil }
        return Decision(component: asked, confidence: 0, cue: false, refine: false)
    }

    /// A line of looks alone ("purple gradient, pill corners.") right after a request goes on
    /// with it: it describes the component just asked for. Lines with nothing in them ("yeah")
    /// may sit between.
    private func continuation(of reading: Reading) -> Decision? {
        guard reading.isFragment else { return nil }
        for heard in window.reversed() {
            if let kind = heard.asked {
                let attributes = min(reading.styles.count + reading.colors.count + reading.brandRefs.count, 3)
                let confidence = Base.continuation + Base.perChange * Double(attributes)
                // Made already: the new looks are a new version of it (naming no component, as a
                // refinement that names none); else they complete the ask.
                if current == kind {
                    return Decision(component: nil, confidence: confidence, cue: false, refine: true, refersTo: kind)
                }
                return Decision(component: kind, confidence: confidence, cue: heard.reading.createCue != nil, refine: false)
            }
            if heard.reading.hasDesignContent || heard.reading.report.weight > 0 { return nil }
        }
        return nil
    }

    private struct Decision {
        var component: ComponentKind?
        var confidence: Double
        var cue: Bool
        var refine: Bool
        /// What a refinement changes, when not the current component.
        var refersTo: ComponentKind?
        /// No component named: its kind is the one the line's embedding is nearest to.
        var byDescription = false
        /// Taken for an ask by the head for lines the rules read nothing in: only ever offered.
        var unread = false
    }

    /// What each frame starts at. On the labelled sets (dev, the hand-written meetings) every
    /// published frame was a design line, so `eval intents` shows these as under-confident there;
    /// they are kept below that on purpose, for meetings the rules were never read against.
    /// Their order is the order of how much a frame says: a create verb with a UI object, a wish
    /// for one, a change with what changes, a bare spec.
    private enum Base {
        static let cue = 0.95
        static let desire = 0.9
        static let refinement = 0.82, perChange = 0.04
        static let editWithLooks = 0.85, editBare = 0.72
        static let spec = 0.8
        /// A verbless description ("Tabs for Tokens, NFTs and Activity."): says least of all.
        static let described = 0.78
        static let continuation = 0.8
    }

    private func decide(_ reading: Reading) -> Decision? {
        let attributes = reading.styles.count + reading.colors.count
        if let cue = reading.createCue {
            var confidence = Base.cue
            if cue.verb.fuzzy { confidence -= 0.06 }
            if cue.object.hit.fuzzy { confidence -= 0.08 }
            if cue.object.weak { confidence -= 0.08 }
            return Decision(component: cue.object.kind, confidence: confidence, cue: true, refine: false)
        }
        let main = reading.mainComponent
        let named = reading.asked(among: reading.components.filter { !$0.located && !$0.weak })
        if current != nil, reading.edit || reading.anaphora, !reading.placesOnPage || reading.anaphora {
            let content = attributes + (named == nil ? 0 : 1)
            if content > 0 || reading.designParts > 0 {
                var confidence = Base.refinement + Base.perChange * Double(min(content, 3))
                if reading.edit && reading.anaphora { confidence += 0.04 }
                if content == 0 { confidence = reading.edit ? 0.78 : 0.7 }
                if named?.hit.fuzzy == true, attributes == 0 { confidence -= 0.08 }
                return Decision(component: named?.kind, confidence: confidence, cue: false, refine: true)
            }
        }
        if reading.desire, let main, !main.weak || reading.indefinite {
            guard reading.indefinite || attributes > 0 || reading.designParts > 0 else { return nil }
            var confidence = Base.desire
            if main.hit.fuzzy { confidence -= 0.08 }
            // "the buttons should be ghost buttons" after a button changes it; "I want a glassy card" asks anew.
            let refine = (current == main.kind || currentParts.contains(main.kind)) && !reading.hasArticle(before: main)
            return Decision(component: main.kind, confidence: confidence, cue: false, refine: refine)
        }
        if reading.edit, let named {
            // "Make the navbar sticky" with nothing built yet: a new request.
            let confidence = attributes > 0 ? Base.editWithLooks : Base.editBare
            return Decision(component: named.kind, confidence: confidence - (named.hit.fuzzy ? 0.08 : 0), cue: false, refine: false)
        }
        if let named, !named.hit.fuzzy, attributes >= 2 || (attributes >= 1 && reading.designParts >= 2) {
            // A spoken spec: "Button spec: sixteen pixel corner radius, indigo background."
            let again = isCurrent(named, in: reading)
            return Decision(component: named.kind, confidence: Base.spec, cue: false, refine: again, refersTo: again ? current : nil)
        }
        if let described = reading.describedComponent {
            let again = isCurrent(described, in: reading)
            return Decision(component: described.kind, confidence: Base.described, cue: false, refine: again, refersTo: again ? current : nil)
        }
        return nil
    }

    /// A line without an edit verb that names the current component, or a part of it without
    /// "a" ("Keep that modal plain and grey", "Green badge, sorry"), changes it.
    private func isCurrent(_ mention: ComponentMention, in reading: Reading) -> Bool {
        guard let current else { return false }
        return mention.kind == current || (currentParts.contains(mention.kind) && !reading.hasArticle(before: mention))
    }

    /// The mean embedding of the last `contextLines` lines before this one over `contextLines`
    /// slots, a slot with no line yet counting as zeros: a meeting just begun has told little of
    /// what it is about, and one line of it must not count as ten. Lines not yet embedded are
    /// embedded now.
    private mutating func contextMean(embedder: any SentenceEmbedding) -> [Double] {
        var mean = [Double](repeating: 0, count: embedder.dimension)
        for i in recent.indices {
            let embedding = recent[i].embedding ?? embedder.embed(recent[i].text)
            recent[i].embedding = embedding
            for (j, v) in embedding.enumerated() where j < mean.count { mean[j] += Double(v) / Double(contextLines) }
        }
        return mean
    }

    private mutating func remember(_ heard: Heard) {
        window.append(heard)
        if window.count > 3 { window.removeFirst(window.count - 3) }
    }
}
