import Core
import Testing
@testable import TUI

@Suite struct TranscriptRowsTests {
    static func model(_ events: [PipelineEvent]) -> MeetingViewModel {
        var model = MeetingViewModel()
        for event in events { model.apply(event, at: 0) }
        return model
    }

    @Test func rowsFromEarlierFramesMatchAFreshWrap() {
        let cache = TranscriptRows()
        var model = Self.model(MeetingFixture.events)
        #expect(cache.rows(model, width: 34) == TranscriptPane.lines(model, width: 34))
        // A partial line becomes final, with more words.
        model.apply(MeetingFixture.utterance("u4", "Maya", 30, "And a calm pricing table with three tiers, like Linear's."), at: 0)
        #expect(cache.rows(model, width: 34) == TranscriptPane.lines(model, width: 34))
        #expect(cache.rows(model, width: 34).contains { $0.plain.contains("Linear's.") })
        // The terminal is resized.
        #expect(cache.rows(model, width: 70) == TranscriptPane.lines(model, width: 70))
    }

    @Test func linesTheModelLetGoOfAreLetGo() {
        let cache = TranscriptRows()
        var model = MeetingViewModel()
        for n in 0..<(MeetingViewModel.maxLines * 3) {
            model.apply(MeetingFixture.utterance("u\(n)", "Ana", Double(n), "Line \(n)."), at: 0)
            if n % 500 == 0 { _ = cache.rows(model, width: 40) }
        }
        #expect(cache.rows(model, width: 40) == TranscriptPane.lines(model, width: 40))
        #expect(cache.count <= 2 * MeetingViewModel.maxLines + 64)
    }
}
