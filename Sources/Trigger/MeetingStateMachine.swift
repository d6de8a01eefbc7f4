import Core

/// What a meeting decides, as a plain value: events in (a line heard with its best reading, the
/// clock, a key, a model's answer), effects out (publish an intent, offer a suggestion, ask a model,
/// generate a component version). Time is the meeting's own, from transcript timestamps and ticks,
/// so tests drive it with numbers and never sleep. The `Meeting` actor carries the effects out.
///
/// It knows what is being discussed: the component on the table (the last one made or changed) and
/// when it was last discussed. Each confident reading is a new thing, a change, or an offer:
/// - a new ask ("let's build a modal") makes a new component of its kind;
/// - a change naming a kind ("the button, bigger") lands on the newest component of that kind,
///   unless both `recency` has passed since it was discussed and the talk has moved on (then it
///   is offered: a podcast about buttons is not twenty changes to one Button). But while the
///   table is warm and its kind holds such parts (`KindParts`), it changes the table when no
///   component of that kind exists ("frozen badge in light blue" while a list with badges is
///   drawn) or the newest was made before the table's ("make the continue button black" right
///   after a login form, though a pay button was made earlier) and is not called what its ask
///   called it ("the send button" after "a send button" is that button). With no component of
///   the kind and no such holder, it is a new component of that kind, never merged into another
///   kind;
/// - a vague change ("make it bigger") lands on the component on the table only while the table is
///   warm: discussed within `recency` seconds of meeting time with fewer than `topicChangeLines`
///   lines of other talk since. Otherwise it is offered, never applied silently;
/// - a line naming no known kind that introduces something ("an invite flow like Notion's") is a
///   thing the lexicon lacks: offered, so it cannot restyle the previous component;
/// - a change with no component yet is offered, not made into a new component.
/// Readings between `suggestionFloor` and `threshold` are offered too (or first given to a model,
/// when one is configured), except a change to a warm table, which lands from `suggestionFloor`
/// ("Rounder, with a soft shadow." right after a search bar was made is a change to it, though
/// alone it reads as little). A new thing gets a lower bar on a warm table only from
/// `sessionThreshold`, which the extractor gives a line with no request frame that its head is
/// all but sure of ("tags as pills under the note title" while a notes screen is being drawn):
/// "Sounds good, and the footer can wait." right after a component reads like an ask at 0.7, and
/// is not one. `g` makes what is pending, else the newest offer, else reads the talk.
///
/// It owns the speakers' names: lines keep the label they were heard with ("Speaker 1", "Call", a
/// VTT name), and a rename from the screen names that label for the rest of the meeting.
public struct MeetingStateMachine: Sendable {
    public struct Settings: Sendable, Hashable {
        /// At or above: acted on alone.
        public var threshold: Double
        /// At or above (and under `threshold`): offered as a suggestion.
        public var suggestionFloor: Double
        /// With a model configured, readings from here to the threshold are asked about first.
        public var modelFloor: Double?
        /// Seconds of meeting time a vague change may come after the table was last discussed.
        public var recency: Double
        /// Lines of other talk that mean the topic changed: a vague change after them is offered.
        public var topicChangeLines: Int
        /// A new component is made on its own only on an explicit create request ("let's build a
        /// ..."); other new things are offered. For intents from the rules alone, whose confidences
        /// are not probabilities: "I would love a button that ..." reads as a wish at 0.9 whether it
        /// is about a screen or a car.
        public var newNeedsCue: Bool
        /// While the table is warm, a new thing read at or above this is made (nil: never under
        /// `threshold`). The pipeline sets it to what the intent head gives a line it is all but
        /// sure of that has no request frame; talk with nothing on the table never meets it.
        public var sessionThreshold: Double?
        /// A change heard right after a new thing was offered, with at most this many lines of
        /// other talk between, takes the offer up: "a card for each room" offered, then "make
        /// it rounder", makes the card and changes it. Never with `newNeedsCue`.
        public var followUpLines: Int
        public var trigger: TriggerStateMachine.Settings

        public init(threshold: Double = 0.75, suggestionFloor: Double = 0.5, modelFloor: Double? = nil,
                    recency: Double = 120, topicChangeLines: Int = 6, newNeedsCue: Bool = false,
                    sessionThreshold: Double? = nil, followUpLines: Int = 1,
                    trigger: TriggerStateMachine.Settings = .init()) {
            self.newNeedsCue = newNeedsCue
            self.followUpLines = followUpLines
            self.sessionThreshold = sessionThreshold
            self.threshold = threshold
            self.suggestionFloor = suggestionFloor
            self.modelFloor = modelFloor
            self.recency = recency
            self.topicChangeLines = topicChangeLines
            self.trigger = trigger
        }
    }

    public enum Event: Sendable, Hashable {
        /// A final line (already deduplicated) with the extractor's best reading, whatever its confidence.
        case heard(Utterance, reading: IntentMsg?)
        /// The clock moved on with nobody speaking.
        case tick(Double)
        /// A command from the screen or the user.
        case key(PipelineCommand)
        /// The model's answer about a line handed to it by `.askModel` (nil: not a design ask).
        case classified(IntentMsg?, line: Utterance)
        /// What `g` read in the talk window after `.readTalk`.
        case requested(IntentMsg)
        /// The input ended: whatever is pending is generated.
        case finish
    }

    /// The component a version is written to.
    public struct Target: Sendable, Hashable {
        public var componentID: String
        public var kind: ComponentKind
    }

    public enum Effect: Sendable, Hashable {
        /// Show and store an intent acted on.
        case publish(IntentMsg)
        case suggest(IntentMsg, reason: String)
        /// Ask the configured model whether this unsure reading is a design ask.
        case askModel(IntentMsg, line: Utterance)
        /// Write the intent as the next version of `target` (a new component when its id is new).
        case generate(IntentMsg, Target, reason: TriggerStateMachine.Reason)
        /// Lines labelled `label` are said by `name` from now on: tell watchers, store it.
        case renamed(label: String, name: String)
        /// `g` found nothing pending or offered: read the last lines of talk as one request.
        case readTalk
        case notice(String)
    }

    /// What is known of one component.
    struct Tracked: Sendable, Hashable {
        var id: String
        var kind: ComponentKind
        var lastDiscussed: Double
        /// What the ask that made it called it ("send button"), lower case: a change calling a
        /// part by the same name means this component, whatever holder is on the table.
        var label: String?
    }

    /// An offer and what making it would do.
    struct Offer: Sendable, Hashable {
        var intent: IntentMsg
        enum Plan: Sendable, Hashable {
            case existing(Int)
            case new(ComponentKind)
            case nothing
        }
        var plan: Plan
    }

    public let settings: Settings
    private let words: ReferenceWords
    private let parts: KindParts
    private var trigger: TriggerStateMachine
    private(set) var components: [Tracked] = []
    /// Index into `components` of the component under discussion.
    private(set) var table: Int?
    /// Lines since the table was last discussed that were not about design.
    private(set) var otherTalk = 0
    /// Where each intent waiting in the trigger goes, decided when it was heard.
    private var targets: [String: Target] = [:]
    /// Offers not yet made, oldest first (the newest few only).
    private(set) var offers: [Offer] = []
    /// The newest offer of a new thing, while no other reading has come since: a change right
    /// after it may take it up.
    private var openOffer: OpenOffer?
    struct OpenOffer: Sendable, Hashable {
        var utteranceID: String
        var heardAt: Double
        var talkSince = 0
    }
    private var latest: Double = 0
    static let offersKept = 20
    /// Speaker labels heard so far, and the names given to some of them.
    private var speakersHeard: Set<String> = []
    public private(set) var speakerNames: [String: String] = [:]
    /// A name is a name, not a paragraph: longer ones are cut.
    public static let longestSpeakerName = 40
    /// Put before every component id: the session, so ids stay unique across meetings that share
    /// a folder or a database ("2026-12-06-0932-1a2b-c1").
    private let idPrefix: String

    public init(settings: Settings = Settings(), words: ReferenceWords = .bundled, parts: KindParts = .bundled,
                idPrefix: String = "") {
        self.settings = settings
        self.words = words
        self.parts = parts
        self.idPrefix = idPrefix
        trigger = TriggerStateMachine(settings: settings.trigger)
    }

    /// The one place component ids are made.
    func componentID(number: Int) -> String { idPrefix + "c\(number)" }

    public var pendingCount: Int { trigger.pendingCount }
    /// When the next `tick` could fire, for a live ticker to sleep until.
    public var nextDeadline: Double? { trigger.nextDeadline }
    /// The meeting's time: the newest line's end or tick.
    public var now: Double { latest }

    public mutating func handle(_ event: Event) -> [Effect] {
        switch event {
        case .heard(let line, let reading):
            return heard(line, reading: reading)
        case .tick(let now):
            latest = max(latest, now)
            return fired(trigger.tick(now: now))
        case .key(let command):
            return key(command)
        case .classified(let intent, let line):
            guard let intent else { return [] }
            return land(intent, at: line.msg.tsEnd)
        case .requested(let intent):
            return make(intent, plan: plan(for: intent, at: latest, warmOnly: false), reason: .manual)
        case .finish:
            var effects = handle(.tick(latest + max(settings.trigger.silence, settings.trigger.debounce)))
            if trigger.pendingCount > 0 { effects += fired(trigger.generateNow(at: latest)) }
            return effects
        }
    }

    /// The name a line's speaker goes by now: the one given on the screen, else its label.
    public func name(of label: String?) -> String? {
        label.map { speakerNames[$0] ?? $0 }
    }

    /// The line as its speaker is now called, for everything read from it (intents carry the name).
    public func named(_ line: Utterance) -> Utterance {
        var named = line
        named.msg.speaker = name(of: line.msg.speaker)
        return named
    }

    private mutating func heard(_ line: Utterance, reading: IntentMsg?) -> [Effect] {
        latest = max(latest, line.msg.tsEnd)
        if let label = line.msg.speaker { speakersHeard.insert(label) }
        trigger.speech(endingAt: line.msg.tsEnd)
        guard let reading, reading.confidence >= min(settings.suggestionFloor, settings.modelFloor ?? 1) else {
            otherTalk += 1
            openOffer?.talkSince += 1
            return []
        }
        if let taken = takeUp(with: reading, at: line.msg.tsEnd) { return taken }
        let effects = read(reading, line: line)
        // Only an offer of a new thing, with nothing read after it, is open to a follow-up.
        let offered = effects.contains { if case .suggest(let intent, _) = $0 { intent == reading } else { false } }
        if offered, case .new = offers.last?.plan {
            openOffer = OpenOffer(utteranceID: reading.utteranceID, heardAt: line.msg.tsEnd)
        } else if reading.confidence >= settings.suggestionFloor {
            openOffer = nil
        } else {
            openOffer?.talkSince += 1
        }
        return effects
    }

    /// A change right after an offered new thing takes it up: the offer is made, and the change
    /// lands on it. Talk about a car that ends "make it bigger" gets here only if the car was
    /// offered as a screen component, and one line later.
    ///
    /// The change must say how the thing looks (a style, a colour, a brand): talk that goes on
    /// about a form someone mentioned ("you design a form, you put it on a server") says none.
    /// It may come read as the offered kind again, not as a change: with the offer in its
    /// context, "make it rounder" (or "Red, full width, above everything." after a banner) reads
    /// as the thing just mentioned. A line of that kind that introduces nothing is taken as a
    /// change: the one thing, made from both lines, not a second one made from the later line.
    private mutating func takeUp(with reading: IntentMsg, at time: Double) -> [Effect]? {
        let text = reading.text ?? ""
        guard !settings.newNeedsCue, let open = openOffer, reading.confidence >= settings.suggestionFloor,
              open.talkSince <= settings.followUpLines, time - open.heardAt <= settings.recency,
              let i = offers.firstIndex(where: { $0.intent.utteranceID == open.utteranceID }),
              case .new(let kind) = offers[i].plan,
              !(reading.styles.isEmpty && reading.colors.isEmpty && reading.brandRefs.isEmpty),
              changesOffered(offers[i].intent, kind, reading, text: text) else { return nil }
        let offer = offers.remove(at: i)
        openOffer = nil
        var change = reading
        change.refine = true
        return publish(offer.intent, to: .new(kind), at: time) + land(change, at: time)
    }

    /// Whether a reading that says how something looks is about the offered `kind`: a change
    /// that names it, whatever part it adds ("if it needs water today the card gets a blue drop
    /// badge" after offered plant cards); a part the offer itself named ("Navigate button takes
    /// the whole bottom, yellow." after "one huge card: next drop, address, and a navigate
    /// button", both read with the label Navigate); or the kind again, or a change naming
    /// nothing, that introduces nothing new.
    private func changesOffered(_ offered: IntentMsg, _ kind: ComponentKind, _ reading: IntentMsg, text: String) -> Bool {
        if reading.refine, reading.refersTo == kind { return true }
        if let part = reading.component, parts.holds(kind, part), let label = reading.label?.lowercased(),
           label == offered.label?.lowercased() { return true }
        return (reading.component.map { $0 == kind } ?? true) && (reading.refersTo.map { $0 == kind } ?? true)
            && !words.introducesSomethingNew(text) && (reading.refine || reading.component == kind)
    }

    /// A reading over the floors: landed, asked about, or offered.
    private mutating func read(_ reading: IntentMsg, line: Utterance) -> [Effect] {
        if reading.confidence >= settings.threshold { return land(reading, at: line.msg.tsEnd) }
        if landsOnWarmTable(reading, at: line.msg.tsEnd) { return land(reading, at: line.msg.tsEnd) }
        if let floor = settings.modelFloor, reading.confidence >= floor { return [.askModel(reading, line: line)] }
        guard reading.confidence >= settings.suggestionFloor else {
            otherTalk += 1
            return []
        }
        return offer(reading, plan: plan(for: reading, at: line.msg.tsEnd, warmOnly: false), unsure: true)
    }

    /// A reading sure enough to act on: published and given to the trigger, or offered.
    private mutating func land(_ intent: IntentMsg, at time: Double) -> [Effect] {
        let warm = plan(for: intent, at: time, warmOnly: true)
        if case .new = warm, settings.newNeedsCue, !intent.cue {
            return offer(intent, plan: warm, unsure: true)
        }
        switch warm {
        case .existing, .new:
            return publish(intent, to: warm, at: time)
        case .nothing:
            // Not warm enough or nothing to change: offered with what it would change, if anything.
            return offer(intent, plan: plan(for: intent, at: time, warmOnly: false), unsure: false)
        }
    }

    /// Publishes an intent bound for `plan`'s component and gives it to the trigger.
    private mutating func publish(_ intent: IntentMsg, to plan: Offer.Plan, at time: Double) -> [Effect] {
        guard let target = resolve(plan, for: intent, at: time) else { return [] }
        targets[intent.utteranceID] = target
        return [.publish(intent)] + fired(trigger.intent(intent, at: time))
    }

    /// Where an intent would go. `warmOnly`: a vague change needs a warm table (else `.nothing`).
    private func plan(for intent: IntentMsg, at time: Double, warmOnly: Bool) -> Offer.Plan {
        if let kind = intent.component {
            guard intent.refine else { return .new(kind) }
            // A change to a part while a holder of such parts is under discussion: the holder's
            // part, unless a component of the part's own kind was made after the holder or the
            // line calls it what its ask did ("the send button" after "a send button").
            let holder = table.flatMap { parts.holds(components[$0].kind, kind) && isWarm(at: time) ? $0 : nil }
            guard let i = components.lastIndex(where: { $0.kind == kind }) else {
                return holder.map { .existing($0) } ?? .new(kind)
            }
            let calledAsMade = intent.label.map { $0.lowercased() == components[i].label } ?? false
            if let holder, holder > i, !calledAsMade { return .existing(holder) }
            // Named, so the reference is sure; only a component both long undiscussed and talked past is cold.
            if warmOnly, time - components[i].lastDiscussed > settings.recency, otherTalk >= settings.topicChangeLines {
                return .nothing
            }
            return .existing(i)
        }
        // Names no component: a vague change of what is on the table, or a thing the lexicon lacks.
        guard let table else { return warmOnly ? .nothing : intent.refersTo.map { .new($0) } ?? .nothing }
        if words.introducesSomethingNew(intent.text ?? "") { return warmOnly ? .nothing : .existing(table) }
        if warmOnly, !isWarm(at: time) { return .nothing }
        return .existing(table)
    }

    /// An unsure reading that a warm table makes sure enough: a change to the table from the
    /// suggestion floor, a new thing from the session threshold.
    private func landsOnWarmTable(_ reading: IntentMsg, at time: Double) -> Bool {
        guard let table, isWarm(at: time) else { return false }
        switch plan(for: reading, at: time, warmOnly: true) {
        case .existing(let i): return i == table && reading.confidence >= settings.suggestionFloor
        case .new: return settings.sessionThreshold.map { reading.confidence >= $0 } ?? false
        case .nothing: return false
        }
    }

    /// The table was discussed recently and the talk has not moved on.
    private func isWarm(at time: Double) -> Bool {
        guard let table else { return false }
        return time - components[table].lastDiscussed <= settings.recency && otherTalk < settings.topicChangeLines
    }

    /// Makes a planned target real: a new component gets its id here. It is now on the table.
    private mutating func resolve(_ plan: Offer.Plan, for intent: IntentMsg, at time: Double) -> Target? {
        let index: Int
        switch plan {
        case .existing(let i): index = i
        case .new(let kind):
            components.append(Tracked(id: componentID(number: components.count + 1), kind: kind, lastDiscussed: time,
                                      label: intent.label?.lowercased()))
            index = components.count - 1
        case .nothing: return nil
        }
        components[index].lastDiscussed = max(components[index].lastDiscussed, time)
        table = index
        otherTalk = 0
        return Target(componentID: components[index].id, kind: components[index].kind)
    }

    private mutating func offer(_ intent: IntentMsg, plan: Offer.Plan, unsure: Bool) -> [Effect] {
        guard !offers.contains(where: { $0.intent.utteranceID == intent.utteranceID }) else { return [] }
        offers.append(Offer(intent: intent, plan: plan))
        if offers.count > Self.offersKept { offers.removeFirst(offers.count - Self.offersKept) }
        return [.suggest(intent, reason: reason(for: intent, plan: plan, unsure: unsure))]
    }

    private func reason(for intent: IntentMsg, plan: Offer.Plan, unsure: Bool) -> String {
        switch plan {
        case .new(let kind):
            return "heard: maybe \(kind.spoken(article: true)) — enter to make it"
        case .existing(let i):
            let name = "\(components[i].kind.spoken(article: false)) \(components[i].id)"
            if intent.component == nil, words.introducesSomethingNew(intent.text ?? "") {
                return "heard: maybe something new MockPilot has no template for — enter to apply it to the \(name)"
            }
            if unsure { return "heard: maybe a change to the \(name) — enter to make it" }
            return "heard: a change, but the talk has moved on from the \(name) — enter to apply it"
        case .nothing:
            return "heard: a change, but no component exists yet"
        }
    }

    private mutating func key(_ command: PipelineCommand) -> [Effect] {
        switch command {
        case .generateNow:
            let action = trigger.generateNow(at: latest)
            if action != .nothingPending { return fired(action) }
            guard let newest = offers.last else { return [.readTalk] }
            return accept(newest.intent.utteranceID)
        case .makeSuggestion(let id):
            return accept(id)
        case .setPaused(let paused):
            trigger.setPaused(paused)
            return []
        case .renameSpeaker(let label, let name):
            return rename(label, to: name)
        case .export, .refreshInsights, .quit:
            return []
        }
    }

    /// Names the speaker of `label`'s lines; naming it back to its label forgets the name.
    private mutating func rename(_ label: String, to raw: String) -> [Effect] {
        guard speakersHeard.contains(label) else {
            return [.notice("no speaker called “\(label)” has spoken in this meeting")]
        }
        let name = Self.cleanName(raw)
        let current = speakerNames[label] ?? label
        guard !name.isEmpty else { return [.notice("a speaker needs a name: \(current) keeps theirs")] }
        guard name != current else { return [] }
        speakerNames[label] = name == label ? nil : name
        return [.renamed(label: label, name: name)]
    }

    /// One line of printable text, spaces collapsed, at most `longestSpeakerName` characters.
    static func cleanName(_ raw: String) -> String {
        let words = raw.split { $0.isWhitespace || $0.isNewline || $0.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control } }
        return String(words.joined(separator: " ").prefix(longestSpeakerName))
    }

    private mutating func accept(_ utteranceID: String) -> [Effect] {
        guard let i = offers.firstIndex(where: { $0.intent.utteranceID == utteranceID }) else {
            return [.notice("nothing to make: that suggestion was already made")]
        }
        let offer = offers.remove(at: i)
        guard case .nothing = offer.plan else { return make(offer.intent, plan: offer.plan, reason: .manual) }
        return [.notice("nothing to make: \(utteranceID) changes a component, and none exists yet")]
    }

    /// Generates at once, past the trigger: the user asked.
    private mutating func make(_ intent: IntentMsg, plan: Offer.Plan, reason: TriggerStateMachine.Reason) -> [Effect] {
        guard let target = resolve(plan, for: intent, at: latest) else {
            return [.notice("nothing to make: \(intent.utteranceID) changes a component, and none exists yet")]
        }
        return [.generate(intent, target, reason: reason)]
    }

    private mutating func fired(_ action: TriggerStateMachine.Action?) -> [Effect] {
        switch action {
        case nil:
            return []
        case .nothingPending:
            return [.notice("nothing to generate: no design intent since the last component")]
        case .generate(let intents, let reason):
            return intents.compactMap { intent in
                targets.removeValue(forKey: intent.utteranceID).map { .generate(intent, $0, reason: reason) }
            }
        }
    }
}
