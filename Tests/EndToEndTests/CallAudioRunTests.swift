import Foundation
import TestSupport
import Testing

/// `mockpilot run` hearing a call through a PulseAudio server the test starts: what is played into
/// its null sink (the call) arrives through `--input monitor` as the call side, its voices told
/// apart ("Speaker 1", ...; "Call" with --no-speakers); a microphone
/// beside it is "You", and when it also hears the call through the speakers (echo), those words
/// are not transcribed a second time.
@Suite(.serialized) struct CallAudioRunTests {
    static let meetings = Repository.shared.appendingPathComponent("eval/audio/meetings").path

    struct Final {
        var speaker: String?
        var text: String
    }

    static func finals(_ stdout: String) -> [Final] {
        AudioRunTests.events(stdout).filter { $0.type == "transcript" }.compactMap { event in
            guard let u = event.json["utterance"] as? [String: Any], let msg = u["msg"] as? [String: Any],
                  let text = msg["text"] as? String else { return nil }
            return Final(speaker: msg["speaker"] as? String, text: text)
        }
    }

    /// Runs the binary on `inputs` against `server`, plays the scene's tracks once the meeting has
    /// started, and returns the finals after the last line plus a few seconds to decode.
    static func run(_ inputs: [String], server: PulseServer, scene: CallScene, in dir: String) throws -> [Final] {
        let run = try AudioProcess(["run"] + inputs.flatMap { ["--input", $0] } + ["--no-tui", "--out", dir + "/out", "--db", dir + "/db.sqlite"],
                                   environment: ["PULSE_SERVER": server.address])
        // The first status announces the meeting, before its captures have opened (seconds on a
        // busy machine); the next carries the first chunk's level: the inputs are listening.
        let started = run.waitForOutput(deadline: 60) { $0.components(separatedBy: "\"type\":\"status\"").count > 2 }
        #expect(started, "the meeting did not start: \(run.stderr)")
        // Both tracks at once, as the room and the call happen together.
        let players = try scene.tracks.map { try server.play($0.wav, sink: $0.sink) }
        for player in players { player.waitUntilExit() }
        // Let the last utterances be decoded: wait until no new final has come for 8 s.
        var count = -1
        while count != finals(run.stdout).count {
            count = finals(run.stdout).count
            _ = run.waitForOutput(deadline: 8) { finals($0).count != count }
        }
        run.interrupt()
        let status = run.wait(deadline: 60)
        #expect(status == 0, "exit \(status.map(String.init) ?? "none"); \(run.stderr)")
        return finals(run.stdout)
    }

    @Test func theMonitorIsHeardAsTheCall() throws {
        let dir = try AudioRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try PulseServer()
        defer { server.stop() }
        let scene = CallScene.Track(wav: AudioRunTests.line, sink: "call")
        let finals = try Self.run(["monitor"], server: server, scene: CallScene(tracks: [scene], room: [], call: []), in: dir)
        let heard = finals.first { $0.text.lowercased().contains("pricing section") }
        #expect(heard != nil, "\(finals)")
        #expect(heard?.speaker == "Speaker 1")
    }

    @Test func noSoundServerIsOneLine() throws {
        let result = try AudioProcess.run(["run", "--call", "--input", "pulse:nothing", "--no-tui"],
                                          environment: ["PULSE_SERVER": "unix:/nonexistent/pulse/native"])
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("no PulseAudio or PipeWire server"), "\(result.stderr)")
    }

    /// Twenty seconds of a meeting: its first speaker is in the room (the microphone), the others
    /// on the call, whose audio the microphone also hears 12 dB down and 40 ms late.
    /// The two captures start and run their readers at different moments; the gate lines them up
    /// by capture time, so a loaded machine neither loses the room's line nor keeps an echo line.
    @Test
    func theRoomAndTheCallAreHeardOnceEach() throws {
        let dir = try AudioRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try PulseServer(extraSinks: ["room"], microphones: [(source: "mic", sink: "room")])
        defer { server.stop() }
        let scene = try CallScene(meeting: Self.meetings + "/meeting_01", seconds: 20, in: dir)
        let finals = try Self.run(["pulse:mic", "monitor"], server: server, scene: scene, in: dir)
        let score = scene.score(finals)
        #expect(score.roomRecall >= 0.6, "\(score) \(finals)")
        #expect(score.callRecall >= 0.6, "\(score) \(finals)")
        #expect(score.echoDuplicates == 0, "\(score) \(finals)")
        #expect(finals.allSatisfy { $0.speaker == "You" || CallScene.isCallSide($0.speaker) }, "\(finals)")
    }

    /// The figure in the README (scripts/eval-call.sh): every dev meeting, whole.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["MOCKPILOT_CALL_FIGURES"] != nil))
    func callCaptureFigures() throws {
        var lines: [String] = []
        for name in ["meeting_01", "meeting_02", "meeting_03"] {
            let dir = try AudioRunTests.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let server = try PulseServer(extraSinks: ["room"], microphones: [(source: "mic", sink: "room")])
            defer { server.stop() }
            let scene = try CallScene(meeting: Self.meetings + "/" + name, seconds: nil, in: dir)
            let score = scene.score(try Self.run(["pulse:mic", "monitor"], server: server, scene: scene, in: dir))
            lines.append(String(format: "%@: room words %.2f, call words %.2f, echo duplicates %d", name,
                                score.roomRecall, score.callRecall, score.echoDuplicates))
            #expect(score.echoDuplicates == 0)
        }
        print("== call capture (speakers, echo 12 dB down, 40 ms)\n" + lines.joined(separator: "\n"))
    }
}
