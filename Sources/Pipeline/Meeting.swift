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

/// One meeting in flight: utterances in, components on disk, events out.
///
/// The stages run in order for each message: transcript -> intent -> trigger -> spec -> code ->
/// check -> folder -> store. A configured model works beside them (Meeting+Model.swift): it never
/// holds up the next transcript line. Delivery is at-least-once, so every step is idempotent by
/// `utterance_id` / `spec_id`. A failing later stage never loses what earlier ones captured:
/// the utterance and spec are stored before code is written, and a failed write is reported
/// and the meeting goes on. The decisions are `MeetingStateMachine`'s; this actor carries out its
/// effects. What works beside the stages (model calls, hooks, insight queries) is asked of `work`
/// and runs in `MeetingService`, a child task each, so a shutdown waits for it or cancels it.
public actor Meeting {
    /// What the meeting remembers of one component across its versions.
    struct Lineage {
        var id: String
        var kind: ComponentKind
        var version: Int
        var spec: DesignSpec?
        /// The code of the current version, which a model rewrites for a refinement.
        var jsx: String?
    }

    public nonisolated let events: AsyncStream<PipelineEvent>
    /// Internal, not private, for the `Meeting+…` extensions.
    let emit: AsyncStream<PipelineEvent>.Continuation
    /// What the meeting does beside its stages (model calls, hooks, insights); `MeetingService`
    /// runs it.
    nonisolated let work = MeetingWork()

    let settings: Settings
    public nonisolated let sessionID: String
    /// The watched folder, as an absolute path.
    public nonisolated let outputFolder: String
    /// The stages, as `MeetingSetup` opened them; the reading (`extractor`, `talk`) and the
    /// decisions (`machine`) change as lines arrive.
    var parts: MeetingParts
    /// The work beside the stages still running, to cancel or wait for (Meeting+Model.swift,
    /// Meeting+Insights.swift, Meeting+Generation.swift).
    var outstanding = Outstanding()
    /// The last three final utterances, the window a model classifies.
    var window: [Utterance] = []
    var status: PipelineStatus
    var autoMine: AutoMineStateMachine

    private var seenUtterances: Set<String> = []
    var seenSpecs: Set<String> = []
    /// Wall time each utterance with a waiting intent reached the meeting, for end-to-end latency.
    /// Kept only until the intent is generated: lines without one are never entered.
    var arrival: [String: Date] = [:]
    var lineages: [Lineage] = []
    var current: Int?
    public internal(set) var problems = 0
    /// The first problem, for the one line printed once the screen is gone.
    var firstProblem: String?
    /// A screen watches: events keep coming after the input ends, since the user still renames
    /// speakers and exports until they quit.
    private var eventsOutliveInput = false

    /// Work beside the stages that has not ended yet.
    struct Outstanding {
        /// Model calls not yet answered, with the component each writes; a newer spec for the
        /// component cancels its call, which stays here until it has said so.
        var modelCalls: [UUID: (componentID: String, work: WorkHandle)] = [:]
        var classifications: [UUID: WorkHandle] = [:]
        /// The latest insight query; a newer one cancels it.
        var insight: WorkHandle?
        /// Running `post_generate` hooks by number; each removes itself when done, so a long
        /// meeting keeps only the ones still running.
        var hooks: [Int: WorkHandle] = [:]
        var hooksStarted = 0
    }

    var store: Store? { parts.store }
    var insights: InsightService? { parts.insights.service }

    init(settings: Settings, session: MeetingSession, parts: MeetingParts) {
        // Unbounded on purpose: `run --no-tui` prints every event as JSON Lines, so none may be
        // dropped. The screen drains the stream at once into its coalescing inbox (latest wins), so a
        // slow terminal does not make this buffer grow.
        (events, emit) = AsyncStream.makeStream(of: PipelineEvent.self, bufferingPolicy: .unbounded)
        self.settings = settings
        sessionID = session.id
        outputFolder = URL(fileURLWithPath: settings.outputFolder).standardizedFileURL.path
        self.parts = parts
        status = PipelineStatus(source: session.source, model: session.model, sessionID: session.id, outputFolder: outputFolder,
                                modelUsage: parts.model == nil ? nil : ModelUsage())
        autoMine = AutoMineStateMachine(interval: settings.mineIntervalMinutes * 60,
                                        sources: parts.insights.sources?.configured ?? [])
    }

    /// Announces the meeting to watchers.
    public func start() {
        emit.yield(.status(status))
        for notice in parts.notices { emit.yield(.notice(notice)) }
        announceInsights()
    }

    /// A transcript line. Partial lines are only shown; final ones go through the stages.
    public func hear(_ utterance: Utterance) async {
        if !utterance.isFinal {
            emit.yield(.transcript(utterance))
            return
        }
        guard seenUtterances.insert(utterance.id).inserted else { return }
        let heard = Date()
        // Time passed in silence before this line began may already trigger what is pending.
        await tick(now: utterance.msg.tsStart)
        emit.yield(.transcript(utterance))
        await persist("utterance \(utterance.id)") { try await $0.record(utterance: utterance, session: self.sessionID) }

        // Shown and stored with its label; read under the name its speaker goes by now, so
        // intents (and a model's answers) carry the name.
        let named = parts.machine.named(utterance)
        window = Array((window + [named]).suffix(3))
        parts.talk.append(named)
        // The best reading whatever its confidence: the state machine decides what is acted on,
        // what is offered, and what a model is asked about.
        let reading = parts.extractor.assess(named)
        if IntentExtractor.isCut(utterance.msg.text) {
            emit.yield(.notice("\(utterance.id): longer than \(IntentExtractor.longestUtterance) characters; intents are read from its start only"))
        }
        await perform(parts.machine.handle(.heard(utterance, reading: reading)), heard: heard)
    }

    /// Carries out the state machine's effects. `heard` is when the line behind them reached the
    /// meeting, for end-to-end latency.
    func perform(_ effects: [MeetingStateMachine.Effect], heard: Date? = nil) async {
        for effect in effects {
            switch effect {
            case .publish(let intent):
                if let heard { arrival[intent.utteranceID] = heard }
                emit.yield(.intent(intent, triggered: false))
                await persist("intent \(intent.utteranceID)") { try await $0.record(intent: intent, triggered: false, session: self.sessionID) }
            case .suggest(let intent, let reason):
                emit.yield(.suggestion(intent, reason: reason))
            case .askModel(let intent, let line):
                classifyBeside(intent, utterance: line, heard: heard ?? Date())
            case .generate(let intent, let target, _):
                await generate(intent, on: target, firedAt: Date())
            case .readTalk:
                await generateFromTalk()
            case .renamed(let label, let name):
                emit.yield(.speaker(label: label, name: name))
                emit.yield(.notice("\(label) is now called \(name)"))
                await persist("the name of \(label)") { try await $0.name(speaker: label, as: name, session: self.sessionID) }
            case .notice(let text):
                emit.yield(.notice(text))
            }
        }
    }

    /// The meeting clock moved on (a live ticker, or the gap before the next transcript line).
    public func tick(now: Double) async {
        await perform(parts.machine.handle(.tick(now)))
    }

    /// When the next `tick` could fire, for a live ticker to sleep until.
    public func nextDeadline() -> Double? { parts.machine.nextDeadline }

    public func handle(_ command: PipelineCommand) async {
        switch command {
        case .generateNow, .makeSuggestion, .renameSpeaker:
            await perform(parts.machine.handle(.key(command)))
        case .setPaused(let paused):
            _ = parts.machine.handle(.key(command))
            status.live = !paused
            emit.yield(.status(status))
        case .export(let directory):
            await export(to: directory)
        case .refreshInsights:
            if let current, let spec = lineages[current].spec { refreshInsights(for: spec) }
        case .quit:
            cancelModelCalls()
        }
    }

    /// Keeps the event stream open after `finish()` (for the screen; `--no-tui` ends with the input).
    public func keepEventsAfterFinish() {
        eventsOutliveInput = true
    }

    /// The input ended: whatever is still pending is generated, then watchers are told.
    public func finish() async {
        await finishClassifications()
        await perform(parts.machine.handle(.finish))
        await finishModelCalls()
        await settleInsights()
        for hook in outstanding.hooks.values { await hook.value() }
        do { try await parts.folder.compact() } catch { report(warning: "could not update the manifest: \(error.localizedDescription)") }
        emit.yield(.finished)
        if !eventsOutliveInput { emit.finish() }
    }
}
