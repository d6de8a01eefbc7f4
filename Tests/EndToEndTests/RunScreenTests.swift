import Foundation
import Testing

/// `mockpilot run` on a recorded meeting in a real terminal: the whole pipeline on one screen.
@Suite(.serialized) struct RunScreenTests {
    @Test func aRecordedMeetingFillsEveryPaneAndExportsOnE() throws {
        let meeting = Binary.repository.appendingPathComponent("scripts/demo/product-meeting.vtt").path
        let session = try TmuxSession(arguments: ["run", "--transcript", meeting, "--realtime", "--speed", "12",
                                                  "--out", "out", "--db", "db.sqlite"], logCommands: false)
        // The first cue, its intent and the generated pay button appear as the meeting plays.
        var screen = try session.waitFor(text: "PayButton", timeout: 60)
        #expect(screen.contains("Maya"))
        #expect(screen.contains("button"))
        #expect(screen.contains("export default") || screen.contains("function PayButton"))
        #expect(screen.contains("out"))            // the status line names the output folder
        // By the end, later components have been written too.
        screen = try session.waitFor(text: "FINISHED", timeout: 90)
        let components = session.folder.appendingPathComponent("out/src/components")
        let files = try FileManager.default.contentsOfDirectory(atPath: components.path)
        #expect(files.filter { $0.hasSuffix(".jsx") }.count >= 4, "\(files)")

        // `e` exports the session to the configured folder and says where.
        try session.press("e")
        screen = try session.waitFor(text: "Export requested", timeout: 20)
        let transcript = session.folder.appendingPathComponent("mockpilot-export/transcript.md")
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: transcript.path) && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(FileManager.default.fileExists(atPath: transcript.path))

        try session.press("q")
        screen = try session.waitFor(text: "MP-EXITED-0", timeout: 20)
        #expect(!session.alternateScreen)
    }
}
