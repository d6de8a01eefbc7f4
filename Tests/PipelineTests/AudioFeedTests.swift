import Capture
import Core
import Foundation
import Speech
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

/// A 16 kHz mono WAV of `count` one-second voiced bursts (a 200 Hz buzz rising and falling four
/// times a second like syllables), 1.2 s apart; and each burst's start and end in seconds.
func burstsWAV(count: Int, in dir: String) throws -> (path: String, bursts: [(Double, Double)]) {
    let rate = 16000, gap = 1.2, burst = 1.0
    var samples: [Int16] = []
    var bursts: [(Double, Double)] = []
    for _ in 0..<count {
        samples += [Int16](repeating: 0, count: Int(gap * Double(rate)))
        let start = Double(samples.count) / Double(rate)
        samples += (0..<Int(burst * Double(rate))).map { i in
            let t = Double(i) / Double(rate)
            let voice = 0.2 * sin(2 * .pi * 200 * t) + 0.1 * sin(2 * .pi * 400 * t) + 0.05 * sin(2 * .pi * 800 * t)
            return Int16(voice * (0.55 + 0.45 * sin(2 * .pi * 4 * t)) * 32767)
        }
        bursts.append((start, start + burst))
    }
    samples += [Int16](repeating: 0, count: 2 * rate)
    func le(_ v: Int, _ n: Int) -> [UInt8] { (0..<n).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
    var bytes = Array("RIFF".utf8) + le(36 + 2 * samples.count, 4) + Array("WAVEfmt ".utf8) + le(16, 4) + le(1, 2) + le(1, 2)
    bytes += le(rate, 4) + le(2 * rate, 4) + le(2, 2) + le(16, 2) + Array("data".utf8) + le(2 * samples.count, 4)
    for s in samples { bytes += le(Int(s), 2) }
    let path = dir + "/bursts.wav"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return (path, bursts)
}

@Suite struct AudioFeedTests {
    /// Live audio and a recogniser that stalls: the meeting says recognition is slow once more
    /// than 4 segments wait, keeps every utterance (nothing is dropped), and says so when it has
    /// caught up, so the status line stops showing "slow".
    @Test(.timeLimit(.minutes(1)))
    func aStalledRecogniserIsShownAsSlowLosesNothingAndClears() async throws {
        let f = try MeetingTests.Fixture()
        let meeting = try await f.open()
        let (path, bursts) = try burstsWAV(count: 7, in: f.dir)
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
