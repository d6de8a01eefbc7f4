import ArgumentParser
import Core
import Foundation
import Intent

/// `mockpilot eval outcome DIR...`: the meeting-level outcome of labelled meetings replayed
/// through `run --transcript lines.jsonl --no-tui` (scripts/eval-outcome.sh does the replaying).
struct EvalOutcomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome",
        abstract: "Score replayed labelled meetings: asks made as their kind, changes landed on the right component.",
        discussion: """
        Each DIR holds lines.jsonl (the labelled lines, in the order they were replayed) and \
        events.jsonl (what `run --transcript DIR/lines.jsonl --no-tui` printed). An ask counts when \
        a component of its kind was first written from its line; a change counts when its line went \
        into a version of the component made from the ask it refers to. Suggestions, and changes \
        applied to another component, are misses.
        """)

    @Argument(help: "Folders, one per meeting, each holding lines.jsonl and events.jsonl.")
    var folders: [String]

    @Flag(help: "List every ask and change missed, with what happened instead.")
    var verbose = false

    /// The versions a run wrote, in order, and the kind each line was offered as, from its JSON
    /// Lines events.
    static func written(events file: String) throws -> (versions: [MeetingOutcome.Version], offered: [String: ComponentKind]) {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw CleanExit.failure("cannot read \(file)")
        }
        struct Event: Decodable {
            var type: String
            var spec: DesignSpec?
            var intent: IntentMsg?
        }
        var versions: [MeetingOutcome.Version] = []
        var offered: [String: ComponentKind] = [:]
        for (number, line) in JSONLines.numberedLines(text) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let event: Event
            do { event = try JSONLines.decode(Event.self, from: line) } catch {
                throw CleanExit.failure("\(file):\(number): not an event of run --no-tui")
            }
            if event.type == "spec", let spec = event.spec { versions.append(MeetingOutcome.Version(spec: spec)) }
            if event.type == "suggestion", let intent = event.intent, let kind = intent.component {
                offered[intent.utteranceID] = kind
            }
        }
        return (versions, offered)
    }

    func run() throws {
        var pooled = MeetingOutcome()
        for folder in folders {
            let lines = try IntentEvaluation.load(file: folder + "/lines.jsonl")
            let written = try Self.written(events: folder + "/events.jsonl")
            let outcome = MeetingOutcome.score(lines, versions: written.versions, offered: written.offered)
            pooled.absorb(outcome)
            print(Self.row(URL(fileURLWithPath: folder).lastPathComponent, outcome))
            if verbose { for line in outcome.misses + outcome.unasked { print("    " + line) } }
        }
        print(Self.row("all \(folders.count) meetings", pooled))
    }

    static func row(_ name: String, _ o: MeetingOutcome) -> String {
        name.padding(toLength: 28, withPad: " ", startingAt: 0)
            + String(format: "outcome %5.1f%%   asks made %3d of %3d   changes landed %3d of %3d   false components %2d",
                     o.rate * 100, o.asksMade, o.asks, o.changesLanded, o.changes, o.falseComponents)
            + (o.asksOffered > 0 ? "   (\(o.asksOffered) more asks offered)" : "")
            + (o.asksMerged > 0 ? "   (\(o.asksMerged) asks applied to an older component)" : "")
            + (o.unscored > 0 ? "   (\(o.unscored) asks of no labelled kind not scored)" : "")
    }
}
