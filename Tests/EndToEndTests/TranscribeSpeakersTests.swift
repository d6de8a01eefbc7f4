import Foundation
import TestSupport
import Testing

/// `mockpilot transcribe --speakers` on a small meeting of real voices (three people from
/// Debian's pocketsphinx-testdata and asterisk-core-sounds-en-wav taking nine turns, built by
/// scripts/speaker-meeting.py with its ground truth): every utterance names a speaker, three
/// speakers are found, and after the best mapping of labels to people at least 95% of the
/// utterances name the right one (scripts/score-speakers.py, as `make eval` scores it).
@Suite struct TranscribeSpeakersTests {
    struct Score: Decodable {
        let utterances: Int
        let right: Int
        let share: Double
        let speakers_found: Int
        let speakers_true: Int
    }

    @Test func aRealVoiceMeetingGetsItsThreeSpeakersRight() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speakers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let wav = folder.appendingPathComponent("three.wav").path, truth = folder.appendingPathComponent("three.json").path
        try Program.run("/usr/bin/python3", [Repository.root.path + "/scripts/speaker-meeting.py", "three", wav, truth])

        let result = try Binary.run(["transcribe", wav, "--vad", "--vad-detector", "silero", "--speakers"])
        #expect(result.status == 0, "transcribe --speakers failed: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let speakers = try lines.map { line -> String? in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["speaker"] as? String
        }
        #expect(lines.count >= 9, "\(lines.count) utterances from nine turns:\n\(result.stdout)")
        #expect(speakers.allSatisfy { $0?.hasPrefix("Speaker ") == true }, "an utterance without a speaker:\n\(result.stdout)")

        let transcript = folder.appendingPathComponent("three.jsonl")
        try Data(result.stdout.utf8).write(to: transcript)
        let json = try Program.run("/usr/bin/python3", [Repository.root.path + "/scripts/score-speakers.py", truth, transcript.path])
        let score = try JSONDecoder().decode(Score.self, from: Data(json.utf8))
        #expect(score.speakers_true == 3)
        #expect(score.speakers_found == 3, "found \(score.speakers_found) speakers:\n\(result.stdout)")
        #expect(score.share >= 0.95, "right speaker for \(score.right) of \(score.utterances):\n\(result.stdout)")
    }
}
