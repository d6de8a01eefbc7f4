import Foundation
import TestSupport
import Testing

/// `mockpilot run` on audio, as a user runs it: a recording, raw audio on stdin, and a live ALSA
/// capture device (a real PCM fed from a FIFO at real-time pace), each with a spoken design line
/// from the dev set: "Let's build a pricing section with three tiers, kind of like what Stripe has."
@Suite(.serialized) struct AudioRunTests {
    static let audio = Repository.shared.appendingPathComponent("eval/audio").path
    static let line = audio + "/lines/dev-001.wav"

    struct Event {
        var type: String
        var json: [String: Any]

        var utterance: (id: String, text: String)? {
            guard let u = json["utterance"] as? [String: Any], let id = u["id"] as? String,
                  let msg = u["msg"] as? [String: Any], let text = msg["text"] as? String else { return nil }
            return (id, text)
        }
        var component: String? { (json["intent"] as? [String: Any])?["component"] as? String }
    }

    static func events(_ stdout: String) -> [Event] {
        stdout.split(separator: "\n").compactMap { line in
            guard let json = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let type = json["type"] as? String else { return nil }
            return Event(type: type, json: json)
        }
    }

    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-audio-run-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The dev line as raw s16le 16 kHz mono (what `-` and the ALSA test device read).
    static func rawLine(in dir: String, padSeconds: Double = 0) throws -> Data {
        let raw = dir + "/line.raw"
        let sox = Process()
        sox.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sox.arguments = ["sox", line, "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "raw", raw]
        try sox.run()
        sox.waitUntilExit()
        #expect(sox.terminationStatus == 0)
        return try Data(contentsOf: URL(fileURLWithPath: raw)) + Data(count: Int(padSeconds * 16000) * 2)
    }

    /// What a user checks: the line in the transcript, its design intent, and a component.
    static func expectTheLineAndItsIntent(_ all: [Event], _ context: String) {
        let finals = all.filter { $0.type == "transcript" }.compactMap(\.utterance)
        #expect(finals.contains { $0.text.lowercased().contains("pricing section") }, "\(context): \(finals)")
        #expect(all.contains { $0.type == "intent" && $0.component == "pricing" }, "\(context): no pricing intent")
        #expect(all.contains { $0.type == "component" }, "\(context): no component written")
    }

    /// Every partial comes before the final of its utterance, and at least one is shown.
    static func expectPartialsThenFinal(_ all: [Event], _ context: String) {
        let partials = all.enumerated().filter { $0.element.type == "partial" }
        #expect(!partials.isEmpty, "\(context): no partial transcript")
        for (index, event) in partials {
            guard let id = event.utterance?.id else { continue }
            let final = all.firstIndex { $0.type == "transcript" && $0.utterance?.id == id }
            #expect(final.map { $0 > index } == true, "\(context): partial \(id) after (or without) its final")
        }
    }

    @Test func aRecordingGivesTheLineItsIntentAndAComponent() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try Binary.run(["run", "--input", Self.line, "--no-tui", "--out", dir + "/out", "--db", dir + "/db.sqlite"])
        #expect(result.status == 0, "\(result.stderr)")
        let all = Self.events(result.stdout)
        Self.expectTheLineAndItsIntent(all, "file")
        // Read at full speed, a recording gets its finals as fast as they decode: no partials.
        #expect(!all.contains { $0.type == "partial" })
        #expect(all.last?.type == "finished")
    }

    @Test func aRecordingPlayedInRealTimeShowsPartialsBeforeTheFinal() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try Binary.run(["run", "--input", Self.line, "--realtime", "--no-tui", "--out", dir + "/out",
                                     "--db", dir + "/db.sqlite"])
        #expect(result.status == 0, "\(result.stderr)")
        let all = Self.events(result.stdout)
        Self.expectPartialsThenFinal(all, "realtime file")
        Self.expectTheLineAndItsIntent(all, "realtime file")
    }

    @Test func rawAudioOnStdinIsHeard() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let raw = try Self.rawLine(in: dir, padSeconds: 1)
        let result = try AudioProcess.run(["run", "--input", "-", "--no-tui", "--out", dir + "/out", "--db", dir + "/db.sqlite"],
                                          stdin: raw)
        #expect(result.status == 0, "\(result.stderr)")
        let all = Self.events(result.stdout)
        Self.expectTheLineAndItsIntent(all, "stdin")
        #expect(all.last?.type == "finished")
    }

    /// A microphone: the line arrives in real time through libasound, partials show while it is
    /// spoken, the final and the intent follow, and Ctrl-C ends the meeting cleanly.
    @Test func aLiveDeviceIsHeardAsItSpeaksAndCtrlCFinishes() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/mic.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let speaker = PacedSpeaker(fifo: fifo, audio: try Self.rawLine(in: dir, padSeconds: 1))
        speaker.start()
        defer { speaker.stop() }
        let run = try AudioProcess(["run", "--input", "alsa:" + ALSATestPCM.name(reading: fifo), "--no-tui", "--out", dir + "/out",
                                    "--db", dir + "/db.sqlite"], environment: ["ALSA_CONFIG_PATH": try ALSAConfig.path()])
        let heard = run.waitForOutput(deadline: 90) { stdout in
            let all = Self.events(stdout)
            return all.contains { $0.type == "component" } && all.contains { $0.type == "transcript" }
        }
        #expect(heard, "no transcript and component within 90 s; stderr: \(run.stderr)")
        run.interrupt()
        let status = run.wait(deadline: 30)
        #expect(status == 0, "exit \(status.map(String.init) ?? "none: still running 30 s after Ctrl-C"); \(run.stderr)")
        let all = Self.events(run.stdout)
        Self.expectPartialsThenFinal(all, "alsa")
        Self.expectTheLineAndItsIntent(all, "alsa")
        #expect(all.last?.type == "finished")
    }

    /// A model folder without tokenizer.json cannot encode the design prompt (on by default): the
    /// meeting is told once and recognised without it, instead of getting no text at all.
    @Test func aModelWithoutTokenizerJSONStillHearsTheMeeting() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let model = dir + "/tiny-no-tokenizer"
        try FileManager.default.createDirectory(atPath: model, withIntermediateDirectories: true)
        let installed = FileManager.default.homeDirectoryForCurrentUser.path + "/.local/share/mockpilot/models/whisper-tiny.en"
        for name in ["model.bin", "config.json", "vocabulary.txt"] {
            try FileManager.default.createSymbolicLink(atPath: model + "/" + name, withDestinationPath: installed + "/" + name)
        }
        let result = try Binary.run(["run", "--input", Self.line, "--model", model, "--no-tui", "--out", dir + "/out",
                                     "--db", dir + "/db.sqlite"])
        #expect(result.status == 0, "\(result.stderr)")
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains("design prompt off") }
        #expect(warnings.count == 1, "\(result.stderr)")
        #expect(warnings.first?.contains("no tokenizer.json") == true)
        Self.expectTheLineAndItsIntent(Self.events(result.stdout), "model without tokenizer.json")

        // Asked for explicitly, a prompt it cannot encode is an error.
        let prompted = try Binary.run(["transcribe", "--model", model, "--prompt", "Stripe", Self.line])
        #expect(prompted.status != 0 && prompted.stdout.isEmpty)
        #expect(prompted.stderr.hasPrefix("Error: cannot encode a prompt"), "\(prompted.stderr)")
    }

    @Test func devicesListsTheCaptureDevices() throws {
        let result = try AudioProcess.run(["devices"], environment: ["ALSA_CONFIG_PATH": try ALSAConfig.path()])
        #expect(result.status == 0, "\(result.stderr)")
        let device = result.stdout.split(separator: "\n").first { $0.hasPrefix("alsa:mockpilotfile ") }
        #expect(device?.hasSuffix("MockPilot test capture from a raw file") == true, "\(result.stdout)")
        #expect(!result.stdout.contains("alsa:null"))
    }
}

/// The ALSA configuration for these tests: the system's, plus the file-backed capture PCMs.
enum ALSAConfig {
    static func path() throws -> String {
        try ALSATestPCM.writeConfiguration(
            to: FileManager.default.temporaryDirectory.appendingPathComponent("mp-e2e-alsa-\(getpid()).conf").path)
    }
}
