import Foundation
import Testing

/// How `run --no-tui` stops on SIGINT: the meeting finishes (what is pending is still generated, the
/// summary line is printed, exit 0).
@Suite struct RunStopTests {
    /// A card asked for without a cue at 1-2 s (it waits for 1.5 s of silence), then nothing until
    /// a line at 120 s the test never waits for.
    static let meeting = """
    WEBVTT

    00:00:01.000 --> 00:00:02.000
    <v Ana>A plan card with a soft shadow would be nice.</v>

    00:02:00.000 --> 00:02:01.000
    <v Ben>Let's mock up a dark navbar like Linear's.</v>
    """

    func start() throws -> (AudioProcess, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-stop-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Self.meeting.write(toFile: dir + "/m.vtt", atomically: true, encoding: .utf8)
        let run = try AudioProcess(["run", "--transcript", dir + "/m.vtt", "--realtime", "--no-tui", "--out", dir + "/out",
                                    "--db", dir + "/db.sqlite"])
        return (run, dir)
    }

    @Test func sigintFinishesTheMeetingAndSaysWhatItLeft() throws {
        let (run, dir) = try start()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(run.waitForOutput(deadline: 30) { $0.contains("\"type\":\"intent\"") }, "no intent: \(run.stderr)")
        run.interrupt()
        let status = run.wait(deadline: 30)
        #expect(status == 0, "exit \(status.map(String.init) ?? "none: still running 30 s after SIGINT"); \(run.stderr)")
        let types = AudioRunTests.events(run.stdout).map(\.type)
        #expect(types.contains("component"), "the pending card is generated: \(types)")
        #expect(types.last == "finished")
        #expect(!run.stdout.contains("navbar"), "the meeting stopped before its last line")
        #expect(run.stderr.contains("1 component file written under \(dir)/out/src/components (session "), "\(run.stderr)")
    }
}
