import CodeGen
import Core
import Foundation
import LLM
import Output
import Trigger

/// From a decided intent to a component on disk: the spec, the template's code, the check, the
/// watched folder, the store, then the insights and the `post_generate` hook beside the meeting.
extension Meeting {
    /// `g` with nothing pending: the current window of talk, read as one request, or why not.
    func generateFromTalk() async {
        switch parts.talk.read(existing: Set(lineages.map(\.kind))) {
        case .request(let intent, _):
            await perform(parts.machine.handle(.requested(intent)))
        case .nothingSaid:
            emit.yield(.notice("nothing to generate: nothing has been said yet"))
        case .allGenerated:
            emit.yield(.notice("nothing to generate: everything said since the last component is already in it"))
        case .noDesign(let quote):
            let shown = quote.count > 80 ? "…" + quote.suffix(79) : quote
            emit.yield(.notice("nothing to generate: no component was asked for in the last lines (“\(shown)”)"))
        }
    }

    func generate(_ intent: IntentMsg, on target: MeetingStateMachine.Target, firedAt: Date) async {
        parts.talk.markUsed(intent.utteranceID)
        let heard = arrival.removeValue(forKey: intent.utteranceID)
        emit.yield(.intent(intent, triggered: true))
        await persist("intent \(intent.utteranceID)") { try await $0.record(intent: intent, triggered: true, session: self.sessionID) }
        let kind = target.kind
        let index = lineages.firstIndex { $0.id == target.componentID } ?? {
            lineages.append(Lineage(id: target.componentID, kind: kind, version: 0, spec: nil))
            return lineages.count - 1
        }()
        let previous = lineages[index]
        var spec = parts.resolver.spec(for: intent, kind: kind, previous: previous.spec, componentID: previous.id,
                                 version: previous.version + 1)
        guard seenSpecs.insert(spec.specID).inserted else { return }
        lineages[index].version = spec.version
        lineages[index].spec = spec
        current = index
        // The name the folder will give the file (`Button2` when `Button` is taken), so the code's
        // function, its default export, the file and the manifest all say the same. Asked after the
        // version is taken: another line arriving meanwhile gets the next one.
        spec.name = await parts.folder.name(for: previous.id, preferred: parts.generator.componentName(for: spec))
        if lineages[index].spec?.specID == spec.specID { lineages[index].spec = spec }
        emit.yield(.spec(spec))
        await persist("spec \(spec.specID)") { try await $0.record(spec: spec, componentID: previous.id, session: self.sessionID) }

        // The template's version comes at once; a configured model's follows as the next version.
        do {
            await write(try parts.generator.generate(spec), spec: spec, index: index, heard: heard, firedAt: firedAt)
        } catch {
            fail(spec, .notWritten(error.localizedDescription))
        }
        askModel(for: spec, componentID: previous.id, current: previous.jsx, heard: heard, firedAt: firedAt)
    }

    /// Checks `response` and writes it as `spec`'s version of lineage `index`: folder, store, events,
    /// insights and the post_generate hook. A component that fails the check is not written.
    func write(_ response: GenerateResponse, spec: DesignSpec, index: Int, heard: Date?, firedAt: Date) async {
        let componentID = lineages[index].id, kind = lineages[index].kind
        let diagnostics = parts.checker.check(response.jsx)
        guard diagnostics.isEmpty else {
            fail(spec, .checkerRejected(findings: diagnostics.map(\.description)))
            return
        }
        do {
            let name = parts.generator.componentName(for: spec)
            let file = try await parts.folder.write(componentID: componentID, name: name, kind: kind, version: spec.version,
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
            fail(spec, .notWritten(error.localizedDescription))
        }
    }

    /// The user's `post_generate` command (a linter, a critique) gets the component on stdin; its
    /// output is shown and a failure marks the component. It runs beside the meeting, never in its way.
    private func runPostGenerateHook(on component: ComponentWritten) {
        let command = settings.postGenerateHook
        guard !command.isEmpty else { return }
        outstanding.hooksStarted += 1
        let number = outstanding.hooksStarted
        outstanding.hooks[number] = work.start(priority: .utility) {
            let result = await Hooks.postGenerate(command: command, jsx: component.event.jsx)
            let line = "\(component.name) v\(component.version): \(result.summary)"
            await self.hookFinished(number, saying: result.failed ? .warning("marked: " + line) : .notice(line))
        }
    }

    private func hookFinished(_ number: Int, saying event: PipelineEvent) {
        outstanding.hooks[number] = nil
        emit.yield(event)
    }

    /// What the meeting still holds per line or per hook, for tests of a long meeting.
    var bookkeeping: (arrivals: Int, hooks: Int) { (arrival.count, outstanding.hooks.count) }
}
