import Foundation
import TestSupport
import Testing

/// `run`'s voice detector, chosen with `speech.vad` or `run --vad`: a spoken line followed by
/// 8 s of a tremolo sweep (music-like), which the energy detector hears as more speech and
/// Silero does not, so the line's final ends where the talk ends only with Silero.
@Suite(.serialized) struct RunVADTests {
    /// The dev line ("Let's build a pricing section ...", 5.5 s), then the sweep.
    static func lineThenMusic(in dir: String) throws -> String {
        let music = dir + "/music.wav", mixed = dir + "/mixed.wav"
        try Program.run("/usr/bin/env", ["sox", "-R", "-n", "-r", "16000", "-c", "1", "-b", "16", music,
                                         "synth", "8", "sine", "220-880", "tremolo", "4", "60", "vol", "0.3"])
        try Program.run("/usr/bin/env", ["sox", AudioRunTests.line, music, mixed])
        return mixed
    }

    /// The end time of the final that holds the line's words.
    static func lineEnd(_ result: Binary.Result) -> Double? {
        AudioRunTests.events(result.stdout).compactMap { event -> Double? in
            guard event.type == "transcript", let u = event.json["utterance"] as? [String: Any],
                  let msg = u["msg"] as? [String: Any], let text = msg["text"] as? String,
                  text.lowercased().contains("pricing section") else { return nil }
            return msg["ts_end"] as? Double
        }.first
    }

    static func run(_ wav: String, _ flags: [String], in dir: String, environment: [String: String] = [:]) throws -> Binary.Result {
        try Binary.run(["run", "--input", wav, "--no-tui", "--out", dir + "/out", "--db", dir + "/db.sqlite"] + flags,
                       environment: environment)
    }

    @Test func theChosenDetectorCutsTheUtterance() throws {
        let dir = try AudioRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let wav = try Self.lineThenMusic(in: dir)

        let energy = try Self.run(wav, [], in: dir)
        #expect(energy.status == 0, "\(energy.stderr)")
        let energyEnd = try #require(Self.lineEnd(energy), "\(energy.stdout)")
        #expect(energyEnd > 9, "the default energy detector hears the sweep as speech: ends at \(energyEnd)")

        for (flags, environment) in [(["--vad", "silero"], [:]), ([], ["MOCKPILOT_SPEECH_VAD": "silero"])] {
            let silero = try Self.run(wav, flags, in: dir, environment: environment)
            #expect(silero.status == 0, "\(silero.stderr)")
            let end = try #require(Self.lineEnd(silero), "\(flags) \(environment): \(silero.stdout)")
            #expect(end < 6.5, "\(flags) \(environment): Silero ends the line with the talk (5.5 s), not at \(end)")
            #expect(!silero.stderr.contains("voice detector"), "\(silero.stderr)")
        }
        // And the flag wins over the setting.
        let both = try Self.run(wav, ["--vad", "energy"], in: dir, environment: ["MOCKPILOT_SPEECH_VAD": "silero"])
        let bothEnd = try #require(Self.lineEnd(both), "\(both.stdout)")
        #expect(bothEnd > 9, "--vad energy over speech.vad = silero: ends at \(bothEnd)")
    }

    @Test func withoutSileroWeightsTheMeetingUsesEnergyAndSaysSoOnce() throws {
        let dir = try AudioRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try Self.run(AudioRunTests.line, ["--vad", "silero", "--model", ModelPaths.whisperTinyEn], in: dir,
                                  environment: ["MOCKPILOT_DATA_DIR": dir + "/no-models"])
        #expect(result.status == 0, "\(result.stderr)")
        let notices = result.stderr.split(separator: "\n").filter { $0.contains("voice detector") }
        #expect(notices.count == 1 && notices[0].contains("using energy") && notices[0].contains("make models"), "\(result.stderr)")
        #expect(Self.lineEnd(result) != nil, "the line is still heard: \(result.stdout)")
    }

    @Test func anUnknownDetectorIsOneLine() throws {
        let setting = try Binary.run(["config"], environment: ["MOCKPILOT_SPEECH_VAD": "webrtc"])
        #expect(setting.status != 0)
        #expect(setting.stderr.split(separator: "\n").count == 1 && setting.stderr.contains("expected one of energy, silero"),
                "\(setting.stderr)")
        let flag = try Binary.run(["run", "--input", AudioRunTests.line, "--vad", "webrtc", "--no-tui"])
        #expect(flag.status != 0 && flag.stderr.contains("webrtc"), "\(flag.stderr)")
        let shown = try Binary.run(["config"], environment: ["MOCKPILOT_SPEECH_VAD": "silero"])
        #expect(shown.stdout.contains("speech.vad = \"silero\""), "\(shown.stdout)")
    }
}
