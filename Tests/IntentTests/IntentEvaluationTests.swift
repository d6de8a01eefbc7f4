import Core
import Foundation
import TestSupport
import Testing
@testable import Intent

@Suite struct IntentEvaluationTests {
    /// A tiny hand-labelled meeting: two asks, one refinement, two traps.
    let lines = [
        LabelledLine(id: "t1", text: "Let's mock up a login screen, dark.", design: true, component: .login, styles: ["dark"], cue: true),
        LabelledLine(id: "t2", text: "Make it orange.", design: true, colors: ["orange"], refine: true, refersTo: .login),
        LabelledLine(id: "t3", text: "The table in the report has a typo.", design: false),
        // Labelled as a design line that the extractor cannot know: a miss.
        LabelledLine(id: "t4", text: "Hmm, something like that would be neat.", design: true, component: .card, styles: ["shadow"]),
        // Labelled non-design although it reads as an ask: a false positive.
        LabelledLine(id: "t5", text: "Can we get a pricing page like Notion's?", design: false),
    ]

    @Test func theReportCountsHitsMissesAndFalseAlarms() throws {
        let report = IntentEvaluation.score(lines, extractor: try Fixture.extractor())
        #expect(report.lines == 5)
        #expect(report.detection == .init(truePositives: 2, falsePositives: 1, falseNegatives: 1))
        #expect(abs(report.detection.f1 - 2.0 / 3.0) < 1e-9)
        #expect(report.componentAccuracy == 1)
        #expect(report.refersToAccuracy == 1)
        // t4's shadow was missed; t5's brand is a false brand because the line is not design.
        #expect(report.styles == .init(truePositives: 1, falsePositives: 0, falseNegatives: 1))
        #expect(report.brands == .init(truePositives: 0, falsePositives: 1, falseNegatives: 0))
        #expect(report.mistakes.count == 2)
        #expect(report.table.contains("design detection"))
        #expect(report.table.contains("66.7%"))
    }

    @Test func reliabilityComparesConfidenceWithHowOftenItWasRight() {
        var r = Reliability()
        // 0.9 said four times, right three: a gap of 0.15. 0.35 said twice, right once: 0.15.
        for design in [true, true, true, false] { r.add(confidence: 0.9, design: design) }
        for design in [true, false] { r.add(confidence: 0.35, design: design) }
        // Nothing read in four lines, one of them design: 0.25 there.
        for design in [false, false, false, true] { r.add(confidence: nil, design: design) }
        #expect(r.lines == 10)
        #expect(r.bins[9].count == 4 && r.bins[3].count == 2 && r.unread.count == 4)
        #expect(abs(r.candidateCalibrationError - 0.15) < 1e-9)
        #expect(abs(r.expectedCalibrationError - (0.4 * 0.15 + 0.2 * 0.15 + 0.4 * 0.25)) < 1e-9)
        #expect(r.table.contains("0.9-1.0") && r.table.contains("ECE  19.0%"))
    }

    @Test func unpublishedCandidatesStillCountForCalibration() throws {
        // A bare "make the navbar" with nothing built is below the bar: missed, yet it had a score.
        let lines = [LabelledLine(id: "a", text: "Make the navbar.", design: true, component: .navbar)]
        let report = IntentEvaluation.score(lines, extractor: try Fixture.extractor())
        #expect(report.detection.falseNegatives == 1)
        #expect(report.reliability.unread.count == 0)
        #expect(report.reliability.bins[..<8].reduce(0) { $0 + $1.count } == 1)
    }

    @Test func aHeldOutSubsetIsScoredInContext() throws {
        // Only t2 is scored, but it still refers to t1's login screen.
        let report = IntentEvaluation.score(lines, extractor: try Fixture.extractor()) { $0 == 1 }
        #expect(report.lines == 1)
        #expect(report.refersToRight == 1)
    }

    @Test func aBadLabelLineNamesFileAndLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try "{\"id\":\"a\",\"text\":\"hi\",\"design\":false}\n\n{\"id\":\"b\",\"text\":\"x\"}\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: IntentError.malformedLabel(file: url.path, line: 3, reason: "missing \"design\"")) {
            try IntentEvaluation.load(file: url.path)
        }
    }

    /// Every labelled set the figures come from reads, and keeps its meetings apart: ids are
    /// unique, a meeting's lines are consecutive (else it would be scored as two meetings), a
    /// change is a design line, and every style is one MockPilot can read.
    @Test func everyLabelledSetReadsWithItsMeetingsInOnePiece() throws {
        let folders = [Repository.root.appendingPathComponent("Tests/Eval"), Fixture.meetings]
        var files = [Repository.shared.appendingPathComponent("eval/intents.dev.jsonl")]
        for folder in folders {
            files += try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "jsonl" }
        }
        #expect(files.contains { $0.lastPathComponent == "intents.heldout2.jsonl" })
        let styles = Set(Lexicon.styles.map(\.style))
        for file in files {
            let lines = try IntentEvaluation.load(file: file.path)
            let name = file.lastPathComponent
            #expect(Set(lines.map(\.id)).count == lines.count, "\(name): an id is used twice")
            let meetings = IntentEvaluation.meetings(lines)
            #expect(Set(meetings.map { IntentEvaluation.meeting(of: $0[0].id) }).count == meetings.count,
                    "\(name): a meeting's lines are not together")
            #expect(lines.allSatisfy { !$0.refine || $0.design }, "\(name): a change that is not a design line")
            let unknown = Set(lines.flatMap(\.styles)).subtracting(styles)
            #expect(unknown.isEmpty, "\(name): styles MockPilot cannot read: \(unknown.sorted())")
        }
    }

    @Test func theDevSetScoresAboveTheBar() throws {
        let file = Repository.shared.appendingPathComponent("eval/intents.dev.jsonl").path
        let report = IntentEvaluation.score(try IntentEvaluation.load(file: file), extractor: try Fixture.extractor())
        #expect(report.detection.f1 >= 0.95)
        #expect(report.componentAccuracy >= 0.9)
        #expect(report.styles.f1 >= 0.9 && report.brands.f1 >= 0.9 && report.colors.f1 >= 0.9)
        // Confidence close to how often it is right: a score of 0.75 on everything would fail.
        #expect(report.reliability.expectedCalibrationError <= 0.08, "\(report.table)")
    }
}

@Suite struct GeneralisationTests {
    /// Lines written after the rules were, read by the rules alone (the intent head is trained on
    /// them, so with it they would say little about other meetings).
    @Test(arguments: HandWrittenMeetings.names)
    func handWrittenMeetingsScoreWell(name: String) throws {
        let lines = try HandWrittenMeetings.load(name)
        let report = IntentEvaluation.score(lines, extractor: try Fixture.extractor())
        #expect(report.detection.precision >= 0.95, "\(name)\n\(report.table)")
        #expect(report.detection.f1 >= 0.9, "\(name)\n\(report.table)")
        #expect(report.componentAccuracy >= 0.9, "\(name)\n\(report.table)")
        #expect(report.styles.f1 >= 0.85 && report.colors.f1 >= 0.85, "\(name)\n\(report.table)")
    }
}
