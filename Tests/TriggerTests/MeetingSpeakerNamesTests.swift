import Core
import Testing
@testable import Trigger

/// The meeting owns the speakers' names: a rename from the screen names a label for the rest of
/// the meeting, on a manual clock.
@Suite struct MeetingSpeakerNamesTests {
    static func line(_ id: String, _ speaker: String?, _ text: String, at start: Double) -> Utterance {
        Utterance(id: id, msg: TranscriptMsg(text: text, tsStart: start, tsEnd: start + 2, speaker: speaker))
    }

    static func rename(_ m: inout MeetingStateMachine, _ label: String, _ name: String) -> [MeetingStateMachine.Effect] {
        m.handle(.key(.renameSpeaker(label: label, name: name)))
    }

    @Test func aRenameNamesTheLabelsLaterLinesAndTheIntentsReadFromThem() {
        var m = MeetingStateMachine()
        _ = m.handle(.heard(Self.line("u1", "Speaker 1", "Hello everyone.", at: 0), reading: nil))
        _ = m.handle(.heard(Self.line("u2", "Call", "Hi.", at: 3), reading: nil))
        #expect(Self.rename(&m, "Speaker 1", "Ana") == [.renamed(label: "Speaker 1", name: "Ana")])

        // A later line from the label reads as Ana's; the extractor copies its speaker into the intent.
        let later = m.named(Self.line("u3", "Speaker 1", "Let's build a pay button.", at: 10))
        #expect(later.msg.speaker == "Ana")
        #expect(later.msg.text == "Let's build a pay button.")
        let intent = IntentMsg(utteranceID: "u3", component: .button, confidence: 0.9, speaker: later.msg.speaker, cue: true)
        #expect(m.handle(.heard(later, reading: intent)).contains(.publish(intent)))
        // Other speakers keep their labels; a line with no speaker stays without one.
        #expect(m.named(Self.line("u4", "Call", "Sure.", at: 12)).msg.speaker == "Call")
        #expect(m.named(Self.line("u5", nil, "Mm.", at: 14)).msg.speaker == nil)
        #expect(m.speakerNames == ["Speaker 1": "Ana"])
    }

    @Test func theLatestNameWinsAndTheLabelItselfForgetsTheName() {
        var m = MeetingStateMachine()
        _ = m.handle(.heard(Self.line("u1", "Speaker 2", "Hello.", at: 0), reading: nil))
        _ = Self.rename(&m, "Speaker 2", "Ben")
        #expect(Self.rename(&m, "Speaker 2", "Benjamin") == [.renamed(label: "Speaker 2", name: "Benjamin")])
        #expect(m.name(of: "Speaker 2") == "Benjamin")
        #expect(Self.rename(&m, "Speaker 2", "Benjamin").isEmpty, "the same name again changes nothing")
        #expect(Self.rename(&m, "Speaker 2", "Speaker 2") == [.renamed(label: "Speaker 2", name: "Speaker 2")])
        #expect(m.speakerNames.isEmpty)
    }

    @Test func aNameIsOneShortLineAndAnUnknownOrEmptyOneIsRefused() {
        var m = MeetingStateMachine()
        _ = m.handle(.heard(Self.line("u1", "Speaker 1", "Hello.", at: 0), reading: nil))
        #expect(Self.rename(&m, "Speaker 1", "  Ana \n\u{1b}[31m Lima\t") == [.renamed(label: "Speaker 1", name: "Ana [31m Lima")])
        let long = String(repeating: "x", count: 10_000)
        #expect(Self.rename(&m, "Speaker 1", long) == [.renamed(label: "Speaker 1", name: String(repeating: "x", count: 40))])
        #expect(Self.rename(&m, "Speaker 1", " \n ") == [.notice("a speaker needs a name: \(String(repeating: "x", count: 40)) keeps theirs")])
        #expect(Self.rename(&m, "Speaker 9", "Zoe") == [.notice("no speaker called “Speaker 9” has spoken in this meeting")])
        #expect(m.name(of: "Speaker 9") == "Speaker 9")
    }
}
