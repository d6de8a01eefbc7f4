import Core
import Foundation
import Logging
import Testing
@testable import Logs

/// What of a meeting reaches the log: stage failures and components always, the words said only
/// with `--log-transcripts`.
struct MeetingLogTests {
    static let words = "a pill-shaped zanzibar pay button"

    static func events() -> [PipelineEvent] {
        [.transcript(Utterance(id: "u1", msg: TranscriptMsg(text: words, tsStart: 1, tsEnd: 3))),
         .componentFailed(specID: "c1.v1", component: .button, reason: .checkerRejected(findings: ["<script> is not allowed"])),
         .model(ModelActivity(specID: "c2.v1", component: .card, phase: .keptTemplate)),
         .finished]
    }

    static func logged(transcripts: Bool) throws -> [String] {
        let folder = NSTemporaryDirectory() + "mockpilot-meetinglog-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try LogFile(path: folder + "/mockpilot.log")
        let log = MeetingLog(logger: Logger(label: "mockpilot.run") { FileLogHandler(label: $0, file: file) }, transcripts: transcripts)
        for event in events() { log.record(event) }
        let data = FileManager.default.contents(atPath: file.path) ?? Data()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func stageFailuresAreLinesAndTheWordsStayOut() throws {
        let lines = try Self.logged(transcripts: false)
        #expect(lines.count == 3, "\(lines)")
        #expect(lines[0].contains("error mockpilot.run: stage failure") && lines[0].contains("stage=codegen")
                && lines[0].contains("spec_id=c1.v1"))
        #expect(lines[1].contains("stage failure") && lines[1].contains("stage=model") && lines[1].contains("spec_id=c2.v1"))
        #expect(lines[2].contains("meeting finished"))
        #expect(!lines.joined().contains("zanzibar"))
    }

    @Test func withTranscriptsTheFinalLineIsLogged() throws {
        let lines = try Self.logged(transcripts: true)
        #expect(lines.count == 4)
        #expect(lines[0].contains(#"text="\#(Self.words)""#), "\(lines[0])")
        #expect(lines[0].contains("utterance_id=u1"))
    }
}
