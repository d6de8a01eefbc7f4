import Foundation
import TestSupport
import Testing

/// `mockpilot run` telling live voices apart: a recording of two real people taking six turns
/// (Allison Smith's prompts from asterisk-core-sounds-en-wav and a LibriVox reader from
/// pocketsphinx-testdata, built by scripts/speaker-meeting.py with its ground truth), played at
/// real-time pace as a microphone would hear it. Every final names a speaker, two are found, and
/// after the best mapping of labels to people at least as many lines are right as
/// `transcribe --speakers` gets on the same file (scripts/score-speakers.py scores both).
@Suite(.serialized) struct RunSpeakersTests {
    /// What scripts/score-speakers.py prints, as file mode's test reads it.
    typealias Score = TranscribeSpeakersTests.Score

    /// The two-voice meeting and its truth in a fresh folder.
    static func meeting() throws -> (dir: String, wav: String, truth: String) {
        let dir = try AudioRunTests.temporaryDirectory()
        let wav = dir + "/two.wav", truth = dir + "/two.json"
        try Program.run("/usr/bin/python3", [Repository.root.path + "/scripts/speaker-meeting.py", "two", wav, truth])
        return (dir, wav, truth)
    }

    static func score(_ jsonl: String, truth: String, in dir: String) throws -> Score {
        let path = dir + "/scored-\(UUID().uuidString).jsonl"
        try Data(jsonl.utf8).write(to: URL(fileURLWithPath: path))
        let json = try Program.run("/usr/bin/python3", [Repository.root.path + "/scripts/score-speakers.py", truth, path])
        return try JSONDecoder().decode(Score.self, from: Data(json.utf8))
    }

    /// The `msg` of every event of `type`, as TranscriptMsg JSON lines.
    static func messages(_ stdout: String, type: String) throws -> [[String: Any]] {
        AudioRunTests.events(stdout).filter { $0.type == type }.compactMap { ($0.json["utterance"] as? [String: Any])?["msg"] as? [String: Any] }
    }

    @Test func aTwoVoiceRecordingHeardLiveNamesItsTwoSpeakers() throws {
        let (dir, wav, truth) = try Self.meeting()
        defer { try? FileManager.default.removeItem(atPath: dir) }

        let file = try Binary.run(["transcribe", wav, "--speakers"])
        #expect(file.status == 0, "transcribe --speakers failed: \(file.stderr)")
        let fileScore = try Self.score(file.stdout, truth: truth, in: dir)

        let live = try Binary.run(["run", "--input", wav, "--realtime", "--no-tui", "--out", dir + "/out", "--db", dir + "/db.sqlite"])
        #expect(live.status == 0, "\(live.stderr)")
        let finals = try Self.messages(live.stdout, type: "transcript")
        #expect(finals.count >= 6, "\(finals.count) finals from six turns:\n\(live.stdout)")
        let speakers = finals.map { $0["speaker"] as? String }
        #expect(speakers.allSatisfy { $0?.hasPrefix("Speaker ") == true }, "a final without a speaker: \(speakers)")
        #expect(speakers.first == "Speaker 1")
        // A partial is shown before its speaker is known; only finals are named.
        #expect(try Self.messages(live.stdout, type: "partial").allSatisfy { $0["speaker"] == nil })

        let lines = try finals.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        let liveScore = try Self.score(lines.joined(separator: "\n") + "\n", truth: truth, in: dir)
        #expect(liveScore.speakers_true == 2)
        #expect(liveScore.speakers_found == 2, "found \(liveScore.speakers_found) speakers: \(speakers)")
        #expect(liveScore.share >= fileScore.share,
                "live: right speaker for \(liveScore.right) of \(liveScore.utterances); transcribe: \(fileScore.right) of \(fileScore.utterances)")
        #expect(liveScore.share >= 0.95, "right speaker for \(liveScore.right) of \(liveScore.utterances): \(speakers)")
    }

    /// `--no-speakers` (or `speech.speakers = false`) leaves a lone input's lines unnamed, as before.
    @Test func noSpeakersLeavesTheLinesUnnamed() throws {
        let (dir, wav, _) = try Self.meeting()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let flag = try Binary.run(["run", "--input", wav, "--no-speakers", "--no-tui", "--out", dir + "/out", "--db", dir + "/db.sqlite"])
        #expect(flag.status == 0, "\(flag.stderr)")
        let finals = try Self.messages(flag.stdout, type: "transcript")
        #expect(finals.count >= 6 && finals.allSatisfy { $0["speaker"] == nil }, "\(finals)")

        let conf = dir + "/mockpilot.conf"
        try "[speech]\nspeakers = false\n".write(toFile: conf, atomically: true, encoding: .utf8)
        let configured = try Binary.run(["run", "--config", conf, "--input", wav, "--no-tui", "--out", dir + "/out",
                                         "--db", dir + "/db.sqlite"])
        #expect(configured.status == 0, "\(configured.stderr)")
        #expect(try Self.messages(configured.stdout, type: "transcript").allSatisfy { $0["speaker"] == nil })
    }

    /// Without the voice encoder installed the meeting still runs, unlabelled, and says so once;
    /// asked for with --speakers, its absence is a one-line error.
    @Test func withoutTheVoiceEncoderSpeakersAreOffWithANotice() throws {
        let (dir, wav, _) = try Self.meeting()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let noModels = ["MOCKPILOT_DATA_DIR": dir + "/empty"]
        let arguments = ["run", "--input", wav, "--model", ModelPaths.whisperTinyEn, "--no-tui", "--out", dir + "/out",
                         "--db", dir + "/db.sqlite"]
        let quiet = try Binary.run(arguments, environment: noModels)
        #expect(quiet.status == 0, "\(quiet.stderr)")
        let notices = quiet.stderr.split(separator: "\n").filter { $0.contains("speakers off") }
        #expect(notices.count == 1 && notices.first?.contains("make models") == true, "\(quiet.stderr)")
        #expect(try Self.messages(quiet.stdout, type: "transcript").allSatisfy { $0["speaker"] == nil })

        let asked = try Binary.run(arguments + ["--speakers"], environment: noModels)
        #expect(asked.status != 0)
        let lines = asked.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines.first?.contains("resemblyzer") == true, "\(asked.stderr)")
    }
}
