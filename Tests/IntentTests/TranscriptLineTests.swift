import Core
import Testing
@testable import Intent

@Suite struct TranscriptLineTests {
    @Test func plainTextIsNumberedByLine() throws {
        let u = try #require(try TranscriptLine.utterance(from: "Make it pill shaped.", number: 7, file: "f"))
        #expect(u.id == "u7" && u.msg.text == "Make it pill shaped.")
    }

    @Test func jsonKeepsItsIdAndSpeaker() throws {
        let u = try #require(try TranscriptLine.utterance(from: #"{"text":"hi","ts_start":1,"ts_end":2,"speaker":"S1","id":"dev-9"}"#, number: 3, file: "f"))
        #expect(u.id == "dev-9" && u.msg.speaker == "S1" && u.msg.tsEnd == 2)
        let noID = try #require(try TranscriptLine.utterance(from: #"{"text":"hi","ts_start":1,"ts_end":2}"#, number: 4, file: "f"))
        #expect(noID.id == "u4")
    }

    @Test func blankLinesAreSkippedAndBadJsonNamesTheLine() throws {
        #expect(try TranscriptLine.utterance(from: "   ", number: 2, file: "f") == nil)
        #expect(throws: TranscriptLineError(file: "m.jsonl", line: 5)) {
            try TranscriptLine.utterance(from: #"{"text": oops}"#, number: 5, file: "m.jsonl")
        }
    }
}
