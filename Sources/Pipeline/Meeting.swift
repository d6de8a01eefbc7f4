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
/// and the meeting goes on.
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

    let settings: Settings
    private let folder: ComponentFolder
    let store: Store?
    public nonisolated let sessionID: String
    /// The watched folder, as an absolute path.
    public nonisolated let outputFolder: String
    private var extractor: IntentExtractor
    /// Every decision with time in it: which component a line is about, when to generate, what
    /// only to offer. This actor carries out its effects.
    var machine: MeetingStateMachine
    private let resolver: SpecResolver
    private let generator: TemplateGenerator
    private let checker: JSXChecker
    /// A configured model writes each component's next version after the template's.
    let modelGenerator: LLMComponentGenerator?
    /// A configured model decides the intents the rules are unsure of.
    let modelClassifier: LLMIntentClassifier?
    /// Model calls not yet answered, with the component each writes; a newer spec for the
    /// component cancels its call, which stays here until it has said so.
    var modelCalls: [UUID: (componentID: String, task: Task<Void, Never>)] = [:]
    var classifications: [UUID: Task<Void, Never>] = [:]
    /// The last three final utterances, the window a model classifies.
    var window: [Utterance] = []
    /// The same lines as `g` reads them when nothing is pending.
    private var talk: TalkWindow
    var status: PipelineStatus
    /// What people say about the design under discussion; nil when the embedding model or the
    /// post store could not be opened (the reason is shown once at start).
    let insights: InsightService?
    let insightsUnavailable: String?
    /// Which model or lexicon is missing when insights are off ("all-MiniLM-L6-v2").
    let insightsMissing: String?
    var insightTask: Task<Void, Never>?
    /// Where the meeting may gather posts on its own (Meeting+Insights.swift), and how often.
    let sources: SourceConfiguration?
    var autoMine: AutoMineStateMachine
    private let llmNotes: [String]
    /// Why intents come from the rules alone (no embedding model), shown once at start.
    private let intentsNotice: String?
    /// Running `post_generate` hooks by number; each removes itself when done, so a long meeting
    /// keeps only the ones still running.
    private var hookTasks: [Int: Task<Void, Never>] = [:]
    private var hooksStarted = 0

    private var seenUtterances: Set<String> = []
    var seenSpecs: Set<String> = []
    /// Wall time each utterance with a waiting intent reached the meeting, for end-to-end latency.
    /// Kept only until the intent is generated: lines without one are never entered.
    private var arrival: [String: Date] = [:]
    var lineages: [Lineage] = []
    private var current: Int?
    public private(set) var problems = 0
    /// The first problem, for the one line printed once the screen is gone.
    private var firstProblem: String?
    /// A screen watches: events keep coming after the input ends, since the user still renames
    /// speakers and exports until they quit.
    private var eventsOutliveInput = false

    public init(settings: Settings, brands: BrandTable, folder: ComponentFolder, store: Store?, sessionID: String,
                source: String, model: String, insights: InsightService? = nil, insightsUnavailable: String? = nil,
                llm: LLMClient? = nil, sources: SourceConfiguration? = nil, insightsMissing: String? = nil,
                intentScorer: IntentScorer? = nil, intentsNotice: String? = nil) {
        // Unbounded on purpose: `run --no-tui` prints every event as JSON Lines, so none may be
        // dropped. The screen drains the stream at once into its coalescing inbox (latest wins), so a
        // slow terminal does not make this buffer grow.
        (events, emit) = AsyncStream.makeStream(of: PipelineEvent.self, bufferingPolicy: .unbounded)
        self.settings = settings
        self.folder = folder
        self.store = store
        self.sessionID = sessionID
        outputFolder = URL(fileURLWithPath: settings.outputFolder).standardizedFileURL.path
        // With a model to ask, what the rules are unsure of (down to its floor) goes to it first.
        let floor = llm == nil ? settings.intentThreshold : min(settings.intentThreshold, settings.intentModelFloor)
        extractor = IntentExtractor(brands: brands, threshold: settings.intentThreshold, scorer: intentScorer)
        talk = TalkWindow(brands: brands, scorer: intentScorer)
        self.intentsNotice = intentsNotice
        modelClassifier = llm.map { LLMIntentClassifier(client: $0, threshold: settings.intentThreshold, floor: floor) }
        machine = MeetingStateMachine(settings: .init(
            threshold: settings.intentThreshold, modelFloor: llm == nil ? nil : floor,
            newNeedsCue: intentScorer == nil,
            trigger: .init(silence: settings.silenceSeconds, debounce: settings.debounceSeconds)),
            idPrefix: sessionID + "-")
        resolver = SpecResolver(brands: brands)
        generator = TemplateGenerator(brands: brands)
        let checker = JSXChecker(allowedImports: Set(settings.allowedImports)), templates = generator
        self.checker = checker
        modelGenerator = llm.map { LLMComponentGenerator(client: $0, checker: checker, templates: templates) }
        status = PipelineStatus(source: source, model: model, sessionID: sessionID, outputFolder: outputFolder,
                                modelUsage: llm == nil ? nil : ModelUsage())
        llmNotes = llm?.configuration.notes ?? []
        self.insights = insights
        self.insightsUnavailable = insightsUnavailable
        self.insightsMissing = insightsMissing
        self.sources = sources
        autoMine = AutoMineStateMachine(interval: settings.mineIntervalMinutes * 60, sources: sources?.configured ?? [])
    }

    /// Announces the meeting to watchers.
    public func start() {
        emit.yield(.status(status))
        if let insightsUnavailable { emit.yield(.notice("insights off: \(insightsUnavailable)")) }
        for note in llmNotes { emit.yield(.notice("model: " + note)) }
        if let intentsNotice { emit.yield(.notice(intentsNotice)) }
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
        let named = machine.named(utterance)
        window = Array((window + [named]).suffix(3))
        talk.append(named)
        // The best reading whatever its confidence: the state machine decides what is acted on,
        // what is offered, and what a model is asked about.
        let reading = extractor.assess(named)
        if IntentExtractor.isCut(utterance.msg.text) {
            emit.yield(.notice("\(utterance.id): longer than \(IntentExtractor.longestUtterance) characters; intents are read from its start only"))
        }
        await perform(machine.handle(.heard(utterance, reading: reading)), heard: heard)
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
        await perform(machine.handle(.tick(now)))
    }

    /// When the next `tick` could fire, for a live ticker to sleep until.
    public func nextDeadline() -> Double? { machine.nextDeadline }

    public func handle(_ command: PipelineCommand) async {
        switch command {
        case .generateNow, .makeSuggestion, .renameSpeaker:
            await perform(machine.handle(.key(command)))
        case .setPaused(let paused):
            _ = machine.handle(.key(command))
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
        await perform(machine.handle(.finish))
        await finishModelCalls()
        await settleInsights()
        for task in hookTasks.values { await task.value }
        do { try await folder.compact() } catch { report(warning: "could not update the manifest: \(error.localizedDescription)") }
        emit.yield(.finished)
        if !eventsOutliveInput { emit.finish() }
    }

    /// Deletes stored transcripts older than the retention; long meetings call it hourly.
    public func purgeExpired(now: Date = Date()) async {
        let cutoff = now.addingTimeInterval(-Double(settings.retentionDays) * 86_400)
        await persist("purge") { _ = try await $0.purge(olderThan: cutoff) }
    }

    public func report(warning: String) {
        count(problem: warning)
        emit.yield(.warning(warning))
    }

    /// Something worth a line on the status bar that is not a problem (exit status stays 0).
    public func report(notice: String) {
        emit.yield(.notice(notice))
    }

    /// What went wrong, in one line: the screen shows problems only for a few seconds, so this is
    /// printed after it is restored.
    public var problemSummary: String? {
        guard let firstProblem else { return nil }
        return problems == 1 ? "a problem in this meeting: \(firstProblem)"
            : "\(problems) problems in this meeting; the first: \(firstProblem)"
    }

    private func count(problem: String) {
        problems += 1
        if firstProblem == nil {
            firstProblem = problem.split(whereSeparator: \.isNewline).joined(separator: " ")
        }
    }

    public func report(status update: @Sendable (inout PipelineStatus) -> Void) {
        update(&status)
        emit.yield(.status(status))
    }

    /// Recognition's queue depth, for the status line. While `slow` a `.slow` event comes first;
    /// a status with a lower depth and no `.slow` before it means recognition has caught up.
    public func report(queued: Int, slow: Bool) {
        status.queueDepth = queued
        if slow { emit.yield(.slow(queued: queued)) }
        emit.yield(.status(status))
    }

    // MARK: - Generation

    /// `g` with nothing pending: the current window of talk, read as one request, or why not.
    private func generateFromTalk() async {
        switch talk.read(existing: Set(lineages.map(\.kind))) {
        case .request(let intent, _):
            await perform(machine.handle(.requested(intent)))
        case .nothingSaid:
            emit.yield(.notice("nothing to generate: nothing has been said yet"))
        case .allGenerated:
            emit.yield(.notice("nothing to generate: everything said since the last component is already in it"))
        case .noDesign(let quote):
            let shown = quote.count > 80 ? "…" + quote.suffix(79) : quote
            emit.yield(.notice("nothing to generate: no component was asked for in the last lines (“\(shown)”)"))
        }
    }

    private func generate(_ intent: IntentMsg, on target: MeetingStateMachine.Target, firedAt: Date) async {
        talk.markUsed(intent.utteranceID)
        let heard = arrival.removeValue(forKey: intent.utteranceID)
        emit.yield(.intent(intent, triggered: true))
        await persist("intent \(intent.utteranceID)") { try await $0.record(intent: intent, triggered: true, session: self.sessionID) }
        let kind = target.kind
        let index = lineages.firstIndex { $0.id == target.componentID } ?? {
            lineages.append(Lineage(id: target.componentID, kind: kind, version: 0, spec: nil))
            return lineages.count - 1
        }()
        let previous = lineages[index]
        var spec = resolver.spec(for: intent, kind: kind, previous: previous.spec, componentID: previous.id,
                                 version: previous.version + 1)
        guard seenSpecs.insert(spec.specID).inserted else { return }
        lineages[index].version = spec.version
        lineages[index].spec = spec
        current = index
        // The name the folder will give the file (`Button2` when `Button` is taken), so the code's
        // function, its default export, the file and the manifest all say the same. Asked after the
        // version is taken: another line arriving meanwhile gets the next one.
        spec.name = await folder.name(for: previous.id, preferred: generator.componentName(for: spec))
        if lineages[index].spec?.specID == spec.specID { lineages[index].spec = spec }
        emit.yield(.spec(spec))
        await persist("spec \(spec.specID)") { try await $0.record(spec: spec, componentID: previous.id, session: self.sessionID) }

        // The template's version comes at once; a configured model's follows as the next version.
        do {
            await write(try generator.generate(spec), spec: spec, index: index, heard: heard, firedAt: firedAt)
        } catch {
            fail(spec, error.localizedDescription)
        }
        askModel(for: spec, componentID: previous.id, current: previous.jsx, heard: heard, firedAt: firedAt)
    }

    /// Checks `response` and writes it as `spec`'s version of lineage `index`: folder, store, events,
    /// insights and the post_generate hook. A component that fails the check is not written.
    func write(_ response: GenerateResponse, spec: DesignSpec, index: Int, heard: Date?, firedAt: Date) async {
        let componentID = lineages[index].id, kind = lineages[index].kind
        let diagnostics = checker.check(response.jsx)
        guard diagnostics.isEmpty else {
            fail(spec, "failed the JSX check: " + diagnostics.map(\.description).joined(separator: "; "))
            return
        }
        do {
            let name = generator.componentName(for: spec)
            let file = try await folder.write(componentID: componentID, name: name, kind: kind, version: spec.version,
                                              spec: spec, jsx: response.jsx)
            let now = Date()
            let written = ComponentWritten(
                event: ComponentEvt(specID: spec.specID, jsx: file.jsx, ts: now.timeIntervalSince1970),
                componentID: componentID, name: file.name, kind: kind, version: spec.version, path: file.path,
                latency: now.timeIntervalSince(heard ?? firedAt),
                triggerToFile: now.timeIntervalSince(firedAt))
            await persist("component \(spec.specID)") { try await $0.saveVersion(of: written, session: self.sessionID) }
            lineages[index].jsx = response.jsx
            emit.yield(.component(written))
            refreshInsights(for: spec)
            runPostGenerateHook(on: written)
            if file.besideEditedFile {
                emit.yield(.notice("\(file.name): you edited the earlier file, so this version was written beside it"))
            }
        } catch {
            fail(spec, error.localizedDescription)
        }
    }

    /// The user's `post_generate` command (a linter, a critique) gets the component on stdin; its
    /// output is shown and a failure marks the component. It runs beside the meeting, never in its way.
    private func runPostGenerateHook(on component: ComponentWritten) {
        let command = settings.postGenerateHook
        guard !command.isEmpty else { return }
        hooksStarted += 1
        let number = hooksStarted
        hookTasks[number] = Task(priority: .utility) {
            let result = await Hooks.postGenerate(command: command, jsx: component.event.jsx)
            let line = "\(component.name) v\(component.version): \(result.summary)"
            self.hookFinished(number, saying: result.failed ? .warning("marked: " + line) : .notice(line))
        }
    }

    private func hookFinished(_ number: Int, saying event: PipelineEvent) {
        hookTasks[number] = nil
        emit.yield(event)
    }

    /// What the meeting still holds per line or per hook, for tests of a long meeting.
    var bookkeeping: (arrivals: Int, hooks: Int) { (arrival.count, hookTasks.count) }

    func fail(_ spec: DesignSpec, _ reason: String) {
        count(problem: "\(spec.component.typeName) not written: \(reason)")
        emit.yield(.componentFailed(specID: spec.specID, component: spec.component, reason: reason))
    }

    func persist(_ what: String, _ body: (Store) async throws -> Void) async {
        guard let store else { return }
        do {
            try await body(store)
        } catch {
            report(warning: "could not store \(what): \(error.localizedDescription)")
        }
    }
}
