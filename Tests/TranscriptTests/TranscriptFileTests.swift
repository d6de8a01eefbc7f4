import Core
import Foundation
import TestSupport
import Testing
@testable import Transcript

@Suite struct TranscriptFileTests {
    @Test func readsTeamsStyleWebVTTWithVoiceTags() throws {
        let vtt = """
        WEBVTT

        NOTE exported from Teams

        1
        00:00:01.000 --> 00:00:04.500
        <v Ana Lopez>Let's build a pay button &amp; a card.</v>

        00:01:02.250 --> 00:01:05.000 align:start
        <v Ben>Sounds good,
        ship it.</v>
        """
        let file = try TranscriptFile.parse(vtt, file: "call.vtt")
        #expect(file.format == .webVTT)
        #expect(file.warnings.isEmpty)
        #expect(file.utterances.map(\.msg.text) == ["Let's build a pay button & a card.", "Sounds good, ship it."])
        #expect(file.utterances.map(\.msg.speaker) == ["Ana Lopez", "Ben"])
        #expect(file.utterances[1].msg.tsStart == 62.25 && file.utterances[1].msg.tsEnd == 65)
    }

    @Test func zoomStyleSpeakerPrefixesAreSpeakers() throws {
        let vtt = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nMaya Chen: mock up a navbar\n"
        let u = try #require(try TranscriptFile.parse(vtt, file: "zoom.vtt").utterances.first)
        #expect(u.msg.speaker == "Maya Chen")
        #expect(u.msg.text == "mock up a navbar")
    }

    @Test func brokenCuesAreSkippedWithTheirLineAndTheRestGoesThrough() throws {
        let vtt = """
        WEBVTT

        1
        00:00:01.000 --> banana
        lost line

        2
        00:00:05.000 --> 00:00:06.000
        kept line
        """
        let file = try TranscriptFile.parse(vtt, file: "bad.vtt")
        #expect(file.utterances.map(\.msg.text) == ["kept line"])
        #expect(file.warnings.map(\.description) == ["bad.vtt:4: malformed cue timing '00:00:01.000 --> banana'"])
    }

    @Test func readsSRT() throws {
        let srt = "1\n00:00:01,000 --> 00:00:03,000\nPriya: give me a sticky navbar\n\n2\n00:00:04,000 --> 00:00:05,500\nok\n"
        let file = try TranscriptFile.parse(srt, file: "x.srt")
        #expect(file.format == .srt)
        #expect(file.utterances.count == 2)
        #expect(file.utterances[0].msg.speaker == "Priya")
        #expect(file.utterances[1].msg.tsEnd == 5.5)
    }

    @Test func jsonLinesKeepIdsAndReportBadLines() throws {
        let jsonl = """
        {"text":"let's build a card","ts_start":1,"ts_end":2,"speaker":"A","id":"x1"}
        {"text": oops
        {"ts_start":3}
        {"text":"make it dark","ts_start":4,"ts_end":5}
        """
        let file = try TranscriptFile.parse(jsonl, file: "t.jsonl")
        #expect(file.utterances.map(\.id) == ["x1", "u4"])
        #expect(file.warnings.map(\.line) == [2, 3])
        #expect(file.warnings[1].reason == "missing field 'text'")
    }

    @Test func plainTextGetsEstimatedTimesInOrder() throws {
        let file = try TranscriptFile.parse("Ana: let's build a card\n\nmake it dark\n", file: "t.txt")
        #expect(file.format == .plainText)
        #expect(file.utterances.map(\.id) == ["u1", "u3"])
        #expect(file.utterances[0].msg.speaker == "Ana")
        #expect(file.utterances[1].msg.tsStart > file.utterances[0].msg.tsEnd)
    }

    @Test func emptyAndMissingFilesAreClearErrors() {
        #expect(throws: TranscriptError.empty(file: "e.vtt")) { try TranscriptFile.parse("WEBVTT\n\n", file: "e.vtt") }
        #expect(throws: TranscriptError.unreadable(file: "/nope.vtt", reason: "no such file")) {
            try TranscriptFile.read(path: "/nope.vtt")
        }
    }

    @Test func theBundledDemoMeetingParsesCleanly() throws {
        let path = Repository.root.path + "/scripts/demo/product-meeting.vtt"
        let file = try TranscriptFile.read(path: path)
        #expect(file.warnings.isEmpty)
        #expect(file.utterances.count >= 20)
        #expect(Set(file.utterances.compactMap(\.msg.speaker)).count >= 3)
        let times = file.utterances.map(\.msg.tsStart)
        #expect(times == times.sorted())
    }
}
