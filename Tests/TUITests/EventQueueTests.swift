import Core
import Testing
@testable import TUI

@Suite struct EventQueueTests {
    /// A long, busy meeting as the pipeline reports it: partials then finals, a status and an audio
    /// level several times a line, slow reports, intents found and then triggered, components,
    /// a failure, notices and warnings.
    static func meeting(lines: Int) -> [PipelineEvent] {
        var events: [PipelineEvent] = []
        for n in 0..<lines {
            let id = "u\(n)", start = Double(n) * 3
            for words in 1...3 {
                events.append(MeetingFixture.utterance(id, "Ana", start, String(repeating: "word ", count: words), final: false))
                var status = MeetingFixture.status
                status.level = Double(words) / 4
                status.queueDepth = n % 7 == 0 ? 2 : 0
                events.append(.status(status))
            }
            events.append(MeetingFixture.utterance(id, "Ana", start, "Line \(n): let's build a card number \(n)."))
            if n % 11 == 0 { events.append(.slow(queued: n % 5)) }
            if n % 50 == 0 {
                let intent = IntentMsg(utteranceID: id, component: .card, confidence: 0.9, cue: true)
                events.append(.intent(intent, triggered: false))
                events.append(.intent(intent, triggered: true))
                events.append(.spec(DesignSpec(specID: "c\(n).v1", component: .card, utteranceIDs: [id])))
                events.append(.component(MeetingFixture.written("c\(n)", name: "Card\(n)", kind: .card, version: 1,
                                                                jsx: "export default 1;")))
            }
            if n % 97 == 0 { events.append(.componentFailed(specID: "x\(n).v1", component: .card, reason: .notWritten("disk full"))) }
            if n % 13 == 0 { events.append(n % 2 == 0 ? .notice("exported \(n)") : .warning("line \(n) had no timestamp")) }
        }
        events.append(.finished)
        return events
    }

    /// What the screen shows, from the model: every field but the count of events applied.
    static func shown(_ events: [PipelineEvent]) -> [String] {
        var model = MeetingViewModel()
        for event in events { model.apply(event, at: 1) }
        return ["\(model.lines)", "\(model.intents)", "\(model.specs.sorted { $0.key < $1.key })", "\(model.components)",
                "\(model.failures)", "\(String(describing: model.status))", "\(String(describing: model.slowQueued))",
                "\(String(describing: model.lastComponent))", "\(String(describing: model.insight))",
                "\(String(describing: model.warning))", "\(model.finished)"]
    }

    @Test func aScreenThatFallsBehindHoldsOnlyWhatItWouldStillShow() {
        let all = Self.meeting(lines: 5000)
        var queue = EventQueue()
        for event in all { queue.append(event) }
        // 5,000 lines, 100 components: 25,000+ events, of which the screen keeps its 2,000 lines,
        // the design events, and one of each latest-wins kind.
        #expect(all.count > 25_000)
        #expect(queue.count <= MeetingViewModel.maxLines + 400 + 52 + 4 + 1, "\(queue.count)")
        #expect(Self.shown(queue.take()) == Self.shown(all), "the screen ends up showing the same")
        #expect(queue.isEmpty)
    }

    @Test func theInboxOfAStalledScreenStaysBounded() {
        // The pipeline keeps posting while the screen's thread is stuck (say, writing to a
        // terminal that stopped reading) and never takes.
        let inbox = Inbox()
        let all = Self.meeting(lines: 5000)
        for event in all { inbox.post(event) }
        let (taken, stop) = inbox.take()
        #expect(stop == nil)
        #expect(taken.count < 3000, "\(taken.count) of \(all.count) events held")
        #expect(Self.shown(taken) == Self.shown(all))
    }

    @Test func coalescingKeepsOrderWhereItMatters() {
        var queue = EventQueue()
        var status = MeetingFixture.status
        status.queueDepth = 3
        let events: [PipelineEvent] = [
            MeetingFixture.utterance("u1", "Ana", 0, "let's", final: false),
            MeetingFixture.utterance("u2", "Ben", 4, "Hello."),
            .status(status),
            .slow(queued: 4),
            MeetingFixture.utterance("u1", "Ana", 0, "Let's build a card."),
            .status(MeetingFixture.status),
        ]
        for event in events { queue.append(event) }
        let taken = queue.take()
        // The final text of u1 stays before u2; the last status comes after the slow report it clears.
        #expect(taken == [MeetingFixture.utterance("u1", "Ana", 0, "Let's build a card."),
                          MeetingFixture.utterance("u2", "Ben", 4, "Hello."), .slow(queued: 4), .status(MeetingFixture.status)])
        #expect(Self.shown(taken) == Self.shown(events))
    }

    @Test func burstsBetweenFramesAreCoalescedFrameByFrame() {
        // Taken every 64 events, as a screen keeping up would: the model still ends up the same.
        let all = Self.meeting(lines: 600)
        var queue = EventQueue()
        var applied: [PipelineEvent] = []
        for (i, event) in all.enumerated() {
            queue.append(event)
            if i % 64 == 63 { applied += queue.take() }
        }
        applied += queue.take()
        #expect(applied.count < all.count)
        #expect(Self.shown(applied) == Self.shown(all))
    }
}
