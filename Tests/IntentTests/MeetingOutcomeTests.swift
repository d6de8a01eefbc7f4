import Core
import Testing
@testable import Intent

/// The meeting-level scorer on a small hand-made meeting: what was written, judged against the labels.
struct MeetingOutcomeTests {
    static let meeting = [
        LabelledLine(id: "m-01", text: "Morning, shall we start with checkout?", design: false),
        LabelledLine(id: "m-02", text: "Let's build a pay button.", design: true, component: .button, cue: true),
        LabelledLine(id: "m-03", text: "Make it pill shaped.", design: true, styles: ["pill"], refine: true, refersTo: .button),
        LabelledLine(id: "m-04", text: "Can we get a card for the order summary?", design: true, component: .card, cue: true),
        LabelledLine(id: "m-05", text: "And the button should be green.", design: true, component: .button, colors: ["green"],
                     refine: true, refersTo: .button),
        LabelledLine(id: "m-06", text: "Maybe a modal to confirm the payment.", design: true, component: .modal),
        LabelledLine(id: "m-07", text: "The press release went out on Monday.", design: false),
    ]

    static func version(_ id: String, _ kind: ComponentKind, _ lines: String...) -> MeetingOutcome.Version {
        MeetingOutcome.Version(componentID: id, kind: kind, utteranceIDs: lines)
    }

    /// The change to the button applied to the card is a miss, and so is the modal that was only offered.
    @Test func aChangeLandingOnTheWrongComponentIsAMiss() {
        let written = [
            Self.version("c1", .button, "m-02"),
            Self.version("c1", .button, "m-02", "m-03"),
            Self.version("c2", .card, "m-04"),
            Self.version("c2", .card, "m-04", "m-05"),
        ]
        let outcome = MeetingOutcome.score(Self.meeting, versions: written)
        #expect(outcome.asks == 3 && outcome.asksMade == 2)
        #expect(outcome.changes == 2 && outcome.changesLanded == 1)
        #expect(outcome.rate == 0.6)
        #expect(outcome.misses.count == 2)
        #expect(outcome.misses.first { $0.hasPrefix("m-05") }?.contains("changed c2 (card)") == true)
        #expect(outcome.misses.first { $0.hasPrefix("m-06") }?.contains("wrote nothing") == true)
    }

    /// Every ask made as its kind and every change on its component: all counted.
    @Test func everyAskMadeAndEveryChangeLandedIsFull() {
        let written = [
            Self.version("c1", .button, "m-02"),
            Self.version("c1", .button, "m-02", "m-03"),
            Self.version("c2", .card, "m-04"),
            Self.version("c1", .button, "m-02", "m-03", "m-05"),
            Self.version("c3", .modal, "m-06"),
        ]
        let outcome = MeetingOutcome.score(Self.meeting, versions: written)
        #expect(outcome.rate == 1 && outcome.misses.isEmpty && outcome.falseComponents == 0)
    }

    /// An ask of the right kind applied to an older component as a change was not made; a change
    /// to the button when the ask for it made another kind did not land; a component from a line
    /// that asked for nothing is counted as false.
    @Test func anAskMergedIntoAnotherComponentOrMadeAsTheWrongKindIsAMiss() {
        let written = [
            Self.version("c1", .card, "m-02", "m-03"),
            Self.version("c1", .card, "m-02", "m-03", "m-04"),
            Self.version("c2", .badge, "m-07"),
        ]
        let outcome = MeetingOutcome.score(Self.meeting, versions: written)
        #expect(outcome.asksMade == 0 && outcome.changesLanded == 0)
        #expect(outcome.asksMerged == 1, "the card ask went into the card made from the button ask")
        #expect(outcome.misses.first { $0.hasPrefix("m-04") }?.contains("changed c1 (card)") == true)
        #expect(outcome.misses.first { $0.hasPrefix("m-03") }?.contains("which was not made") == true)
        #expect(outcome.falseComponents == 1)
        #expect(outcome.unasked == ["m-07 made c2 (badge) from a line that asked for nothing: \"The press release went out on Monday.\""])
    }

    /// An ask only offered is still a miss, counted apart as one key press away; an offer of
    /// another kind is not counted.
    @Test func anAskOfferedButNotMadeIsAMissCountedAsOffered() {
        let written = [Self.version("c1", .button, "m-02")]
        let outcome = MeetingOutcome.score(Self.meeting, versions: written, offered: ["m-04": .card, "m-06": .alert])
        #expect(outcome.asksMade == 1 && outcome.asksOffered == 1 && outcome.asksMerged == 0)
        #expect(outcome.misses.first { $0.hasPrefix("m-04") }?.contains("offered as a card, not made") == true)
        #expect(outcome.misses.first { $0.hasPrefix("m-06") }?.contains("offered as an alert, not made") == true)
        #expect(outcome.rate == 0.2)
    }
}
