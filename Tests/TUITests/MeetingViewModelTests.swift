import Core
import Testing
@testable import TUI

@Suite struct MeetingViewModelTests {
    @Test func aPartialIsReplacedInPlaceByItsFinalLine() {
        var model = MeetingViewModel()
        for event in MeetingFixture.events.prefix(4) { model.apply(event, at: 0) }
        #expect(model.lines.map(\.id) == ["u1", "u2"])
        #expect(model.lines[1].isFinal)
        #expect(model.lines[1].text == "Let's build a pill-shaped pay button like Stripe's.")
    }

    @Test func versionsGroupUnderTheirComponent() {
        var model = MeetingViewModel()
        for event in MeetingFixture.events { model.apply(event, at: 0) }
        #expect(model.components.count == 1)
        #expect(model.components[0].versions.map(\.version) == [1, 2])
        #expect(model.lastComponent?.latency == 0.5)
        #expect(model.component(forIntentAt: 0)?.version == 1)
        #expect(model.component(forIntentAt: 1)?.version == 2)
        #expect(model.component(forIntentAt: 7) == nil)
    }

    @Test func aFailedComponentBecomesAWarning() {
        var model = MeetingViewModel()
        model.apply(.componentFailed(specID: "c9.v1", component: .card, reason: .notWritten("unbalanced JSX")), at: 3)
        #expect(model.failures.count == 1)
        #expect(model.warning == MeetingViewModel.Warning(text: "Card not written: unbalanced JSX", at: 3))
    }

    @Test func longMeetingsKeepTheNewestLines() {
        var model = MeetingViewModel()
        for i in 0..<(MeetingViewModel.maxLines + 10) {
            model.apply(MeetingFixture.utterance("x\(i)", "A", Double(i), "t"), at: 0)
        }
        #expect(model.lines.count == MeetingViewModel.maxLines)
        #expect(model.lines.first?.id == "x10")
    }
}
