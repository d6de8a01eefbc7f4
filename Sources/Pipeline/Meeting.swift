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
/// check -> folder -> store. Delivery is at-least-once, so every step is idempotent by
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
    private let emit: AsyncStream<PipelineEvent>.Continuation

    private let settings: Settings
    private let folder: ComponentFolder
    private let store: Store?
    public nonisolated let sessionID: String
    /// The watched folder, as an absolute path.
    public nonisolated let outputFolder: String
    private var extractor: IntentExtractor
    private var trigger: TriggerStateMachine
    private let resolver: SpecResolver
    private let generator: TemplateGenerator
    private let checker: JSXChecker
    /// A configured model writes the code instead of the templates (which it falls back to).
    private let modelGenerator: LLMComponentGenerator?
    /// A configured model decides the intents the rules are unsure of.
    private let modelClassifier: LLMIntentClassifier?
    /// The last three final utterances, the window a model classifies.
    private var window: [Utterance] = []
    private var status: PipelineStatus
    /// What people say about the design under discussion; nil when the embedding model or the
    /// post store could not be opened (the reason is shown once at start).
    private let insights: InsightService?
    private let insightsUnavailable: String?
    /// Why intents come from the rules alone (no embedding model), shown once at start.
    private let intentsNotice: String?
    private var insightTask: Task<Void, Never>?
    private var hookTasks: [Task<Void, Never>] = []

    private var seenUtterances: Set<String> = []
    private var seenSpecs: Set<String> = []
    /// Wall time each utterance reached the meeting, for end-to-end latency.
    private var arrival: [String: Date] = [:]
    private var lineages: [Lineage] = []
    private var current: Int?
    private var latest: Double = 0
    public private(set) var problems = 0

    public init(settings: Settings, brands: BrandTable, folder: ComponentFolder, store: Store?, sessionID: String,
                source: String, model: String, insights: InsightService? = nil, insightsUnavailable: String? = nil,
                llm: LLMClient? = nil, intentScorer: IntentScorer? = nil, intentsNotice: String? = nil) {
        (events, emit) = AsyncStream.makeStream(of: PipelineEvent.self, bufferingPolicy: .unbounded)
        self.settings = settings
        self.folder = folder
        self.store = store
        self.sessionID = sessionID
        outputFolder = URL(fileURLWithPath: settings.outputFolder).standardizedFileURL.path
        // With a model to ask, the rules also report what they are unsure of (down to its floor).
        let floor = llm == nil ? settings.intentThreshold : min(settings.intentThreshold, 0.35)
        extractor = IntentExtractor(brands: brands, threshold: floor, scorer: intentScorer)
        self.intentsNotice = intentsNotice
        modelClassifier = llm.map { LLMIntentClassifier(client: $0, threshold: settings.intentThreshold, floor: floor) }
        trigger = TriggerStateMachine(settings: .init(silence: settings.silenceSeconds, debounce: settings.debounceSeconds))
        resolver = SpecResolver(brands: brands)
        generator = TemplateGenerator(brands: brands)
        let checker = JSXChecker(allowedImports: Set(settings.allowedImports)), templates = generator
        self.checker = checker
        modelGenerator = llm.map { LLMComponentGenerator(client: $0, checker: checker, templates: templates) }
        status = PipelineStatus(source: source, model: model, sessionID: sessionID, outputFolder: outputFolder)
        self.insights = insights
        self.insightsUnavailable = insightsUnavailable
    }

    /// Announces the meeting to watchers.
    public func start() {
        emit.yield(.status(status))
        if let insightsUnavailable { emit.yield(.notice("insights off: \(insightsUnavailable)")) }
        if let intentsNotice { emit.yield(.notice(intentsNotice)) }
    }

    /// A transcript line. Partial lines are only shown; final ones go through the stages.
    public func hear(_ utterance: Utterance) async {
        if !utterance.isFinal {
            emit.yield(.transcript(utterance))
            return
        }
        guard seenUtterances.insert(utterance.id).inserted else { return }
        arrival[utterance.id] = Date()
        // Time passed in silence before this line began may already trigger what is pending.
        await tick(now: utterance.msg.tsStart)
        emit.yield(.transcript(utterance))
        await persist("utterance \(utterance.id)") { try await $0.record(utterance: utterance, session: self.sessionID) }
        trigger.speech(endingAt: utterance.msg.tsEnd)
        latest = max(latest, utterance.msg.tsEnd)

        window = Array((window + [utterance]).suffix(3))
        guard var intent = extractor.extract(utterance) else { return }
        if intent.confidence < settings.intentThreshold {
            // Only reached with a model configured: it decides, and the rules' guess is dropped otherwise.
            do {
                guard let decided = try await modelClassifier?.classify(window: window, rulesConfidence: intent.confidence) else {
                    return
                }
                intent = decided
            } catch {
                emit.yield(.notice("\(utterance.id): the model could not classify this line: \(error.localizedDescription)"))
                return
            }
        }
        emit.yield(.intent(intent, triggered: false))
        await persist("intent \(intent.utteranceID)") { try await $0.record(intent: intent, triggered: false, session: self.sessionID) }
        if let action = trigger.intent(intent, at: utterance.msg.tsEnd) { await perform(action) }
    }

    /// The meeting clock moved on (a live ticker, or the gap before the next transcript line).
    public func tick(now: Double) async {
        latest = max(latest, now)
        if let action = trigger.tick(now: now) { await perform(action) }
    }

    /// When the next `tick` could fire, for a live ticker to sleep until.
    public func nextDeadline() -> Double? { trigger.nextDeadline }

    public func handle(_ command: PipelineCommand) async {
        switch command {
        case .generateNow:
            await perform(trigger.generateNow(at: latest))
        case .setPaused(let paused):
            trigger.setPaused(paused)
            status.live = !paused
            emit.yield(.status(status))
        case .export(let directory):
            await export(to: directory)
        case .refreshInsights:
            if let current, let spec = lineages[current].spec { refreshInsights(for: spec) }
        case .quit:
            break
        }
    }

    /// The input ended: whatever is still pending is generated, then watchers are told.
    public func finish() async {
        await tick(now: latest + max(settings.silenceSeconds, settings.debounceSeconds))
        if trigger.pendingCount > 0 { await perform(trigger.generateNow(at: latest)) }
        await insightTask?.value
        for task in hookTasks { await task.value }
        emit.yield(.finished)
        emit.finish()
    }

    /// Deletes stored transcripts older than the retention; long meetings call it hourly.
    public func purgeExpired(now: Date = Date()) async {
        let cutoff = now.addingTimeInterval(-Double(settings.retentionDays) * 86_400)
        await persist("purge") { _ = try await $0.purge(olderThan: cutoff) }
    }

    public func report(warning: String) {
        problems += 1
        emit.yield(.warning(warning))
    }

    public func report(status update: @Sendable (inout PipelineStatus) -> Void) {
        update(&status)
        emit.yield(.status(status))
    }

    /// Recognition is behind; the queue depth shows in the status line.
    public func report(slow queued: Int) {
        status.queueDepth = queued
        emit.yield(.slow(queued: queued))
        emit.yield(.status(status))
    }

    // MARK: - Generation

    private func perform(_ action: TriggerStateMachine.Action) async {
        switch action {
        case .nothingPending:
            emit.yield(.notice("nothing to generate: no design intent since the last component"))
        case .generate(let intents, _):
            let fired = Date()
            for intent in intents { await generate(intent, firedAt: fired) }
        }
    }

    private func generate(_ intent: IntentMsg, firedAt: Date) async {
        emit.yield(.intent(intent, triggered: true))
        await persist("intent \(intent.utteranceID)") { try await $0.record(intent: intent, triggered: true, session: self.sessionID) }
        guard let (index, kind) = lineage(for: intent) else {
            emit.yield(.notice("\(intent.utteranceID): a change was asked for, but no component exists yet"))
            return
        }
        let previous = lineages[index]
        let spec = resolver.spec(for: intent, kind: kind, previous: previous.spec, componentID: previous.id,
                                 version: previous.version + 1)
        guard seenSpecs.insert(spec.specID).inserted else { return }
        lineages[index].version = spec.version
        lineages[index].spec = spec
        current = index
        emit.yield(.spec(spec))
        await persist("spec \(spec.specID)") { try await $0.record(spec: spec, componentID: previous.id, session: self.sessionID) }

        let response: GenerateResponse
        if let modelGenerator {
            let result = await modelGenerator.generate(spec: spec, tokens: spec.themeTokens, current: previous.jsx)
            for note in result.notes { emit.yield(.notice("\(spec.specID): \(note)")) }
            guard let answer = result.response else {
                fail(spec, "no component from the model or the templates")
                return
            }
            response = answer
        } else {
            do {
                response = try generator.generate(spec)
            } catch {
                fail(spec, error.localizedDescription)
                return
            }
        }
        let diagnostics = checker.check(response.jsx)
        guard diagnostics.isEmpty else {
            fail(spec, "failed the JSX check: " + diagnostics.map(\.description).joined(separator: "; "))
            return
        }
        do {
            let name = generator.componentName(for: spec)
            let file = try await folder.write(componentID: previous.id, name: name, kind: kind, version: spec.version,
                                              spec: spec, jsx: response.jsx)
            let now = Date()
            let written = ComponentWritten(
                event: ComponentEvt(specID: spec.specID, jsx: response.jsx, ts: now.timeIntervalSince1970),
                componentID: previous.id, name: file.name, kind: kind, version: spec.version, path: file.path,
                latency: now.timeIntervalSince(arrival[intent.utteranceID] ?? firedAt),
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
        let emit = self.emit
        hookTasks.removeAll { $0.isCancelled }
        hookTasks.append(Task(priority: .utility) {
            let result = await Hooks.postGenerate(command: command, jsx: component.event.jsx)
            let line = "\(component.name) v\(component.version): \(result.summary)"
            emit.yield(result.failed ? .warning("marked: " + line) : .notice(line))
        })
    }

    /// Asks what people say about `spec`'s design in the background: the latest question wins
    /// and the pipeline never waits for it.
    private func refreshInsights(for spec: DesignSpec) {
        guard let insights else { return }
        insightTask?.cancel()
        let query = InsightQuery(component: spec.component.rawValue, styles: spec.styles, brands: spec.brandRefs)
        let emit = self.emit
        let hook = settings.onInsightHook
        insightTask = Task(priority: .utility) {
            do {
                let summary = try await insights.summary(for: query, k: 50)
                guard !Task.isCancelled else { return }
                emit.yield(.insight(summary))
                if !hook.isEmpty {
                    let payload = try JSONLines.encode(InsightHookPayload(specID: spec.specID, component: spec.component, insight: summary))
                    let result = await Hooks.onInsight(command: hook, json: payload)
                    emit.yield(result.failed ? .warning("on_insight: " + result.summary) : .notice("on_insight: " + result.summary))
                }
            } catch {
                if !Task.isCancelled { emit.yield(.warning("insights for '\(query.text)': \(error.localizedDescription)")) }
            }
        }
    }

    /// Which component an intent is about: a refinement changes the one it refers to (or the
    /// current one); anything else starts a new component.
    private func lineage(for intent: IntentMsg) -> (Int, ComponentKind)? {
        if intent.refine || intent.component == nil {
            let wanted = intent.refersTo
            if let wanted, let i = lineages.lastIndex(where: { $0.kind == wanted }) { return (i, wanted) }
            if let current { return (current, lineages[current].kind) }
            guard let kind = intent.component ?? intent.refersTo else { return nil }
            return (newLineage(kind), kind)
        }
        guard let kind = intent.component else { return nil }
        return (newLineage(kind), kind)
    }

    private func newLineage(_ kind: ComponentKind) -> Int {
        lineages.append(Lineage(id: "c\(lineages.count + 1)", kind: kind, version: 0, spec: nil))
        return lineages.count - 1
    }

    private func fail(_ spec: DesignSpec, _ reason: String) {
        problems += 1
        emit.yield(.componentFailed(specID: spec.specID, component: spec.component, reason: reason))
    }

    private func persist(_ what: String, _ body: (Store) async throws -> Void) async {
        guard let store else { return }
        do {
            try await body(store)
        } catch {
            report(warning: "could not store \(what): \(error.localizedDescription)")
        }
    }

    private func export(to directory: String) async {
        guard let store else {
            emit.yield(.warning("export needs the session database, which is not open"))
            return
        }
        do {
            let components = try await store.components(session: sessionID)
            let utterances = try await store.utterances(session: sessionID)
            try SessionExport.write(components: components, utterances: utterances, to: directory)
            let path = URL(fileURLWithPath: directory).standardizedFileURL.path
            emit.yield(.notice("exported \(components.count) component versions to \(path)"))
        } catch {
            report(warning: "export to \(directory) failed: \(error.localizedDescription)")
        }
    }
}

/// What the `on_insight` hook reads on stdin: the insight and the component it is about.
struct InsightHookPayload: Encodable {
    var specID: String
    var component: ComponentKind
    var insight: InsightSummary

    enum CodingKeys: String, CodingKey {
        case specID = "spec_id", component, insight
    }
}
