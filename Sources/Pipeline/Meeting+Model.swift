import CodeGen
import Core
import Foundation
import LLM

/// The configured model works beside the meeting, never in its way: transcript lines keep flowing
/// while it thinks (30 s a request, a repair round and retries can add up to minutes).
///
/// Code: every spec gets the template's version at once, so the preview always shows the latest
/// request within a second; the model's component, once it passes the checks, follows as the next
/// version of the same component (v1 template, v2 model; `[` `]` flip between them). If the model
/// fails or answers badly twice, the template's version simply stays and the notes say why. A newer
/// spec for the same component cancels the older call: its answer would describe a version the
/// meeting has moved past. Writing the model's version in place of the template's was rejected:
/// the folder and store are idempotent by spec id, and a file that changes under the same version
/// would confuse anyone comparing versions.
///
/// Intents: a line the rules are unsure of goes to the model beside the meeting; a confident answer
/// is published when it arrives.
extension Meeting {
    /// Starts the model's version of `spec`; `current` is the code the spec changes (refinements).
    func askModel(for spec: DesignSpec, componentID: String, current: String?, heard: Date?, firedAt: Date) {
        guard let modelGenerator = parts.model?.generator else { return }
        for call in outstanding.modelCalls.values where call.componentID == componentID { call.work.cancel() }
        let token = UUID()
        let emit = self.emit
        let progress = ProgressThrottle(spec: spec, emit: emit)
        emit.yield(.model(ModelActivity(specID: spec.specID, component: spec.component, phase: .asking)))
        outstanding.modelCalls[token] = (componentID, work.start(priority: .userInitiated) {
            let result = await modelGenerator.generate(spec: spec, tokens: spec.themeTokens, current: current) { progress.update($0) }
            await self.modelAnswered(result, spec: spec, componentID: componentID, token: token, cancelled: Task.isCancelled,
                                     heard: heard, firedAt: firedAt)
        })
    }

    private func modelAnswered(_ result: LLMGeneration, spec: DesignSpec, componentID: String, token: UUID, cancelled: Bool,
                               heard: Date?, firedAt: Date) async {
        outstanding.modelCalls[token] = nil
        if let usage = result.usage { count(usage) }
        let activity = { (phase: ModelActivity.Phase) in
            ModelActivity(specID: spec.specID, component: spec.component, phase: phase,
                          failure: phase == .keptTemplate ? result.failure : nil)
        }
        guard let index = lineages.firstIndex(where: { $0.id == componentID }),
              !cancelled, lineages[index].spec?.specID == spec.specID else {
            emit.yield(.model(activity(.superseded)))
            emit.yield(.notice("\(spec.specID): the model's version was dropped: the meeting moved on to a newer version"))
            return
        }
        for note in result.notes { emit.yield(.notice("\(spec.specID): \(note)")) }
        guard result.source != .template, let response = result.response else {
            emit.yield(.model(activity(.keptTemplate)))
            return
        }
        // The model's component as the next version of the same spec.
        var next = spec
        next.version = lineages[index].version + 1
        next.specID = "\(componentID).v\(next.version)"
        guard seenSpecs.insert(next.specID).inserted else { return }
        lineages[index].version = next.version
        lineages[index].spec = next
        emit.yield(.spec(next))
        await persist("spec \(next.specID)") { try await $0.record(spec: next, componentID: componentID, session: self.sessionID) }
        await write(response, spec: next, index: index, heard: heard, firedAt: firedAt)
        emit.yield(.model(activity(.written)))
    }

    /// Asks the model about a line the rules rated between the floor and the threshold.
    func classifyBeside(_ rules: IntentMsg, utterance: Utterance, heard: Date) {
        guard let modelClassifier = parts.model?.classifier else { return }
        let window = self.window
        let token = UUID()
        outstanding.classifications[token] = work.start(priority: .userInitiated) {
            do {
                let answer = try await modelClassifier.ask(window: window, rulesConfidence: rules.confidence)
                await self.classified(answer, failure: nil, rules: rules, utterance: utterance, heard: heard, token: token)
            } catch {
                await self.classified(nil, failure: error.localizedDescription, rules: rules, utterance: utterance, heard: heard, token: token)
            }
        }
    }

    private func classified(_ answer: LLMIntentClassifier.Answer?, failure: String?, rules: IntentMsg, utterance: Utterance,
                            heard: Date, token: UUID) async {
        outstanding.classifications[token] = nil
        if let failure {
            let confidence = String(format: "%.2f", rules.confidence)
            emit.yield(.notice("\(utterance.id): the model could not classify this line (\(failure)); the rules' guess (\(confidence)) is not published"))
            return
        }
        guard let answer else { return }
        count(answer.usage)
        await perform(parts.machine.handle(.classified(answer.intent, line: utterance)), heard: heard)
    }

    private func count(_ usage: LLMUsage) {
        var total = status.modelUsage ?? ModelUsage()
        total.calls += usage.attempts
        total.promptTokens += usage.promptTokens
        total.completionTokens += usage.completionTokens
        total.lastLatency = usage.latency
        status.modelUsage = total
        emit.yield(.status(status))
    }

    /// Input ended: intents the model is still deciding come first, they may ask for components.
    func finishClassifications() async {
        while let (token, next) = outstanding.classifications.first {
            await next.value()
            // Work the service closed before it started never says it is done.
            outstanding.classifications[token] = nil
        }
    }

    /// Input ended: the model versions still coming are waited for (each bounded by the timeout).
    func finishModelCalls() async {
        while let (token, next) = outstanding.modelCalls.first {
            await next.work.value()
            outstanding.modelCalls[token] = nil
        }
    }

    /// `q`: nothing more will be written, so nothing more is asked.
    func cancelModelCalls() {
        for call in outstanding.modelCalls.values { call.work.cancel() }
        for classification in outstanding.classifications.values { classification.cancel() }
    }
}

/// Streamed progress as `.model` events: at most one per 250 characters, so a fast stream does
/// not flood the screen's event queue.
private final class ProgressThrottle: @unchecked Sendable {
    private let lock = NSLock()
    private var shown = 0
    private let spec: DesignSpec
    private let emit: AsyncStream<PipelineEvent>.Continuation

    init(spec: DesignSpec, emit: AsyncStream<PipelineEvent>.Continuation) {
        self.spec = spec
        self.emit = emit
    }

    func update(_ progress: LLMProgress) {
        let due = lock.withLock {
            guard progress.characters - shown >= 250 || shown == 0 else { return false }
            shown = progress.characters
            return true
        }
        if due {
            emit.yield(.model(ModelActivity(specID: spec.specID, component: spec.component, phase: .streaming,
                                            characters: progress.characters)))
        }
    }
}
