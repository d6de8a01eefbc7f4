import Capture
import Core
import Foundation
import Speech
import TestSupport
import Testing
@testable import Pipeline

/// Holds every decode until the test opens it, then answers at once: a recogniser exactly as
/// slow as the test wants. The text names the audio it was given, so what was heard is checkable.
final class GatedRecogniser: Recogniser {
    let gate = Gate()

    func recognise(_ samples: [Float], prompt: String?, final: Bool) async throws -> String {
        await gate.pass()
        return final ? "heard \(samples.count) samples" : "hearing"
    }
}

actor Gate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func pass() async {
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func open() {
        isOpen = true
        for w in waiting { w.resume() }
        waiting = []
    }
}

@Suite struct AudioFeedTests {
    /// Live audio and a recogniser that stalls: the meeting says recognition is slow once more
    /// than 4 segments wait, keeps every utterance (nothing is dropped), and says so when it has
    /// caught up, so the status line stops showing "slow".
    @Test(.timeLimit(.minutes(1)))
    func aStalledRecogniserIsShownAsSlowLosesNothingAndClears() async throws {
        let f = try MeetingTests.Fixture()
        let meeting = try await f.open()
        let (path, bursts) = try TestWAV.bursts(count: 7, in: f.dir)
        let recogniser = GatedRecogniser()
        let feed = AudioFeed(transcriber: LiveTranscriber(recogniser: recogniser, prompt: nil),
                             source: FileSource(path: path, realtime: false), live: true)
        let played = Task { try await feed.play(into: meeting) }
        var events: [PipelineEvent] = []
        for await event in meeting.events {
            events.append(event)
            if case .slow = event { await recogniser.gate.open() }
        }
        try await played.value

        let slow = events.compactMap { e -> Int? in if case .slow(let q) = e { q } else { nil } }
        #expect(!slow.isEmpty && slow.allSatisfy { $0 > 4 }, "\(slow)")
        let lastSlow = try #require(events.lastIndex { if case .slow = $0 { true } else { false } })
        let depths = events.compactMap { e -> Int? in if case .status(let s) = e { s.queueDepth } else { nil } }
        let after = events[(lastSlow + 1)...].compactMap { e -> Int? in if case .status(let s) = e { s.queueDepth } else { nil } }
        #expect(after.contains { $0 <= 4 }, "no status showed the queue caught up: \(depths)")
        #expect(depths.last == 0, "\(depths)")

        // Every burst came out as one final line, in order, covering its audio.
        let finals = events.compactMap { e -> TranscriptMsg? in
            if case .transcript(let u) = e, u.isFinal { u.msg } else { nil }
        }
        #expect(finals.count == bursts.count, "\(finals.map(\.text))")
        for (line, burst) in zip(finals, bursts) {
            #expect(line.text.hasPrefix("heard "))
            #expect(line.tsStart <= burst.0 + 0.05 && line.tsEnd >= burst.1 - 0.1, "\(line) for \(burst)")
        }
        let dropped = events.compactMap { e -> Int? in if case .status(let s) = e { s.dropped } else { nil } }
        #expect(dropped.allSatisfy { $0 == 0 })
    }
}
