import Foundation
import TestSupport
import Testing

/// `mockpilot transcribe --vad-detector silero`: Silero VAD instead of the energy detector, as a
/// user would choose it, with the model `make models` installs.
@Suite(.serialized) struct TranscribeVADDetectorTests {
    static let line = Repository.shared.appendingPathComponent("eval/audio/lines/dev-012.wav").path

    @Test func sileroFindsTheSpokenLineInBothModes() throws {
        for mode in [[], ["--vad"]] {
            let result = try Binary.run(["transcribe", "--format", "text", "--vad-detector", "silero"] + mode + [Self.line])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.lowercased().contains("dark mode"), "\(mode): \(result.stdout)")
        }
    }

    /// Key clicks every 150 ms, which the energy detector hears as 10 s of speech: no words.
    @Test func sileroGivesNoTextForKeyClicks() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-clicks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let clicks = dir.appendingPathComponent("clicks.wav").path
        try Program.run("/usr/bin/env", ["sox", "-R", "-n", "-r", "16000", "-c", "1", "-b", "16", clicks, "synth", "0.02",
                                         "whitenoise", "fade", "0", "0.02", "0.015", "vol", "0.5", "pad", "0", "0.13", "repeat", "66"])
        for mode in [[], ["--vad", "--design-prompt"]] {
            let result = try Binary.run(["transcribe", "--vad-detector", "silero"] + mode + [clicks])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty, "\(mode): \(result.stdout)")
        }
    }

    @Test func missingSileroWeightsAreAOneLineErrorNamingMakeModels() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("mp-nodata-\(UUID().uuidString)").path
        let result = try Binary.run(["transcribe", "--model", ModelPaths.whisperTinyEn, "--vad-detector", "silero", Self.line],
                                    environment: ["MOCKPILOT_DATA_DIR": empty])
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && result.stderr.contains("make models"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)

        let unknown = try Binary.run(["transcribe", "--vad-detector", "webrtc", Self.line])
        #expect(unknown.status != 0 && unknown.stderr.contains("webrtc"), "\(unknown.stderr)")
    }
}
