import Brands
import CodeGen
import Config
import Core
import Foundation
import Insight
import Intent
import JSX
import LLM
import Output
import Store
import Trigger

/// Which meeting this is: its session id (the store's, or an offline one), and what it hears
/// with, for the status line.
struct MeetingSession: Sendable {
    var id: String
    /// "transcript notes.vtt", "alsa:default", "websocket".
    var source: String
    /// The speech model's name, or "none (transcript)".
    var model: String
}

/// The stages one meeting runs, opened by `MeetingSetup`: what reads a line, what decides, what
/// writes a component, where it goes, and what works beside them (a model, the insights).
struct MeetingParts: Sendable {
    /// The rules, with the intent head when its model is installed.
    var extractor: IntentExtractor
    /// The lines `g` reads when nothing is pending.
    var talk: TalkWindow
    /// Every decision with time in it: which component a line is about, when to generate, what
    /// only to offer, what a model is asked about.
    var machine: MeetingStateMachine
    var resolver: SpecResolver
    var generator: TemplateGenerator
    var checker: JSXChecker
    var folder: ComponentFolder
    /// Nil for a meeting without a session database.
    var store: Store?
    /// A configured model backend; nil for the offline templates.
    var model: ModelParts?
    var insights: InsightParts
    /// Lines shown once at the start: insights off, the model's notes, intents from rules alone.
    var notices: [String]

    /// A configured model: it writes each component's next version after the template's, and
    /// decides the intents the rules are unsure of.
    struct ModelParts: Sendable {
        var generator: LLMComponentGenerator
        var classifier: LLMIntentClassifier
    }

    /// What people say about the design under discussion.
    struct InsightParts: Sendable {
        /// Nil when the embedding model or the post store could not be opened.
        var service: InsightService?
        /// Why `service` is nil, shown once at the start.
        var unavailable: String?
        /// Which model or lexicon is missing when insights are off ("all-MiniLM-L6-v2").
        var missing: String?
        /// Where the meeting may gather posts on its own, and how often.
        var sources: SourceConfiguration?
    }

    /// The stages for `settings`: with a model to ask, what the rules are unsure of (down to the
    /// model floor) goes to it first; without the intent head a new component needs a cue phrase.
    init(settings: Settings, brands: BrandTable, folder: ComponentFolder, store: Store?, session: MeetingSession,
         llm: LLMClient?, intents: (scorer: IntentScorer?, notice: String?), insights: InsightParts) {
        let floor = llm == nil ? settings.intentThreshold : min(settings.intentThreshold, settings.intentModelFloor)
        extractor = IntentExtractor(brands: brands, threshold: settings.intentThreshold, scorer: intents.scorer)
        talk = TalkWindow(brands: brands, scorer: intents.scorer)
        machine = MeetingStateMachine(settings: .init(
            threshold: settings.intentThreshold, modelFloor: llm == nil ? nil : floor,
            newNeedsCue: intents.scorer == nil,
            sessionThreshold: intents.scorer?.combination == .headUnlessSure ? IntentCombination.sureUnframed : nil,
            trigger: .init(silence: settings.silenceSeconds, debounce: settings.debounceSeconds)),
            idPrefix: session.id + "-")
        resolver = SpecResolver(brands: brands)
        generator = TemplateGenerator(brands: brands)
        checker = JSXChecker(allowedImports: Set(settings.allowedImports))
        self.folder = folder
        self.store = store
        let (checker, templates) = (self.checker, generator)
        model = llm.map {
            ModelParts(generator: LLMComponentGenerator(client: $0, checker: checker, templates: templates),
                       classifier: LLMIntentClassifier(client: $0, threshold: settings.intentThreshold, floor: floor))
        }
        self.insights = insights
        notices = (insights.unavailable.map { ["insights off: \($0)"] } ?? [])
            + (llm?.configuration.notes ?? []).map { "model: " + $0 }
            + (intents.notice.map { [$0] } ?? [])
    }
}
