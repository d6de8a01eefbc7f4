import Core
import Foundation
import TestSupport
import Testing
@testable import Transcript

/// Outside numbers and damaged bytes: each bad line is skipped or cut with its line number, and
/// the rest of the meeting still goes through.
@Suite struct TranscriptLimitsTests {
    func tempFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-transcript-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return path
    }

    @Test func aCueHourBeyondAnyMeetingIsSkippedWithItsLine() throws {
        let vtt = """
        WEBVTT

        1
        99999999999999999999:00:01.000 --> 99999999999999999999:00:02.000
        lost line

        2
        00:00:05.000 --> 00:00:06.000
        kept line
        """
        let file = try TranscriptFile.parse(vtt, file: "huge.vtt")
        #expect(file.utterances.map(\.msg.text) == ["kept line"])
        #expect(file.warnings.count == 1)
        #expect(file.warnings.first?.line == 4)
        #expect(file.warnings.first?.description.hasPrefix("huge.vtt:4: cue start ") == true)
        #expect(file.utterances.allSatisfy { $0.msg.tsEnd <= TranscriptLimits.maxSeconds })
    }

    @Test func jsonTimesOutsideAMeetingAreSkippedWithTheirLines() throws {
        let jsonl = """
        {"text":"let's build a card","ts_start":1,"ts_end":2}
        {"text":"far future","ts_start":1e19,"ts_end":1e19}
        {"text":"far past","ts_start":-1e30}
        {"text":"ends too late","ts_start":3,"ts_end":1e300}
        {"text":"make it dark","ts_start":4,"ts_end":5}
        """
        let file = try TranscriptFile.parse(jsonl, file: "t.jsonl")
        #expect(file.utterances.map(\.msg.text) == ["let's build a card", "make it dark"])
        #expect(file.warnings.map(\.line) == [2, 3, 4])
        #expect(file.warnings[0].reason.hasPrefix("ts_start 1e+19 is more than 8640000 seconds"))
        #expect(file.warnings[1].reason.hasPrefix("ts_start -1e+30 is before the meeting started"))
        #expect(file.warnings[2].reason.hasPrefix("ts_end 1e+300 is more than"))
    }

    @Test func oneInvalidUTF8LineCostsThatLineOnly() throws {
        var bytes = Array("{\"text\":\"let's build a card\",\"ts_start\":1,\"ts_end\":2}\n".utf8)
        bytes += Array("{\"text\":\"bad ".utf8) + [0xC3, 0x28] + Array(" byte\",\"ts_start\":2}\r\n".utf8)
        bytes += Array("{\"text\":\"make it dark\",\"ts_start\":4,\"ts_end\":5}\n".utf8)
        let path = try tempFile("t.jsonl", bytes)
        let file = try TranscriptFile.read(path: path)
        #expect(file.utterances.map(\.msg.text) == ["let's build a card", "make it dark"])
        #expect(file.warnings.map(\.description) == ["\(path):2: not valid UTF-8; line skipped"])
    }

    @Test func anInvalidUTF8LineInsideACueDropsOnlyThatLine() throws {
        var bytes = Array("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nfirst half\n".utf8)
        bytes += [0xFF, 0xFE] + Array("\nsecond half\n\n00:00:03.000 --> 00:00:04.000\nnext cue\n".utf8)
        let path = try tempFile("t.vtt", bytes)
        let file = try TranscriptFile.read(path: path)
        #expect(file.utterances.map(\.msg.text) == ["first half second half", "next cue"])
        #expect(file.warnings.map(\.line) == [5])
    }

    @Test func aCueOfUnclosedTagsIsStrippedInLinearTimeAndCut() throws {
        // 80,000 "<" without a ">" took 40 s when every "<" searched the rest of the cue.
        let cue = String(repeating: "<a", count: 40_000)
        let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\(cue)\n\n00:00:03.000 --> 00:00:04.000\nnext cue\n"
        let started = Date()
        let file = try TranscriptFile.parse(vtt, file: "tags.vtt")
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < 2, "took \(elapsed) s")
        #expect(file.utterances.count == 2)
        #expect(file.utterances[0].msg.text.count == TranscriptLimits.maxUtteranceCharacters)
        #expect(file.utterances[1].msg.text == "next cue")
        #expect(file.warnings.map(\.description)
                == ["tags.vtt:3: utterance longer than \(TranscriptLimits.maxUtteranceCharacters) characters; the rest is cut"])
    }

    @Test func aTagStillClosesAfterAnUnclosedOneIsNotNeeded() {
        #expect(CueParser.speech("<v Ana>pay <b>now</b>").text == "pay now")
        #expect(CueParser.speech("<v Ana>pay <b>now").speaker == "Ana")
        #expect(CueParser.speech("a < b and c").text == "a < b and c")
    }

    @Test func aLongPlainTextLineIsCutWithANotice() throws {
        let long = String(repeating: "word ", count: 2_000)
        let file = try TranscriptFile.parse("Ana: \(long)\nBen: short\n", file: "t.txt")
        #expect(file.utterances.map(\.msg.speaker) == ["Ana", "Ben"])
        #expect(file.utterances[0].msg.text.count == TranscriptLimits.maxUtteranceCharacters)
        #expect(file.warnings.map(\.line) == [1])
    }
}
