import Brands
import Core
import Intent

/// What `g` reads when no intent is waiting: the last final utterances not yet made into a
/// component, taken together as one request. Someone pressing `g` has just said "now", so the
/// request needs less confidence than an intent published on its own, and a wish spread over
/// three short lines counts as one.
struct TalkWindow: Sendable {
    /// Below the publishing threshold (0.75 by default) on purpose: the key press is the cue.
    static let threshold = 0.5
    static let size = 3

    enum Reading: Sendable, Equatable {
        /// A request to generate, as if its newest line had carried it.
        case request(IntentMsg, from: [String])
        case nothingSaid
        /// Every line in the window already went into a component.
        case allGenerated
        /// The lines hold no design request; `quote` is what was read.
        case noDesign(quote: String)
    }

    private let brands: BrandTable
    /// The meeting's own intent head, so `g` reads talk as the meeting does (nil: the rules alone).
    private let scorer: IntentScorer?
    private(set) var lines: [Utterance] = []
    /// Lines whose intent was generated, or that a window request used (only ids still in `lines`).
    private var used: Set<String> = []

    init(brands: BrandTable, scorer: IntentScorer? = nil) {
        self.brands = brands
        self.scorer = scorer
    }

    mutating func append(_ utterance: Utterance) {
        lines = Array((lines + [utterance]).suffix(Self.size))
        used.formIntersection(lines.map(\.id))
    }

    /// A line's intent went through generation: a later `g` must not generate it again.
    mutating func markUsed(_ id: String) {
        if lines.contains(where: { $0.id == id }) { used.insert(id) }
    }

    /// Reads the unused lines as one request. `existing` are the component kinds already written:
    /// talk about one of them ("the pay button, bigger") changes it rather than adding another.
    mutating func read(existing: Set<ComponentKind>) -> Reading {
        guard !lines.isEmpty else { return .nothingSaid }
        let fresh = lines.filter { !used.contains($0.id) }
        guard let newest = fresh.last else { return .allGenerated }
        let text = fresh.map(\.msg.text).joined(separator: " ")
        let joined = Utterance(id: newest.id, msg: TranscriptMsg(text: text, tsStart: fresh[0].msg.tsStart,
                                                                 tsEnd: newest.msg.tsEnd, speaker: newest.msg.speaker,
                                                                 id: newest.id))
        // A reader of its own: the meeting's extractor must not see these lines twice.
        var reader = IntentExtractor(brands: brands, threshold: Self.threshold, scorer: scorer)
        guard var intent = reader.extract(joined), let kind = intent.component else {
            return .noDesign(quote: text)
        }
        if existing.contains(kind) {
            intent.refine = true
            intent.refersTo = kind
        }
        for line in fresh { used.insert(line.id) }
        return .request(intent, from: fresh.map(\.id))
    }
}
