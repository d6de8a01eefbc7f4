import Capture
import Foundation
import TestSupport
import Testing
import Whisper
@testable import Speech

/// Answers finals with the audio's length, except that it fails the `failing`-th final.
final class FlakyRecogniser: Recogniser, @unchecked Sendable {
    // @unchecked: `finals` is only touched under `lock`.
    private let lock = NSLock()
    private var finals = 0
    let failing: Int

    init(failing: Int) { self.failing = failing }

    func recognise(_ samples: [Float], prompt: String?, final: Bool) async throws -> String {
        guard final else { return "" }
        let n = lock.withLock { finals += 1; return finals }
        if n == failing { throw WhisperError.promptUnsupported(path: "/models/broken") }
        return "heard \(samples.count)"
    }
}

/// Never answers: sleeps until its task is cancelled.
struct StuckRecogniser: Recogniser {
    func recognise(_ samples: [Float], prompt: String?, final: Bool) async throws -> String {
        try await Task.sleep(for: .seconds(3600))
        return ""
    }
}

/// Collects what a run emitted, from whichever task emitted it.
final class Emitted: @unchecked Sendable {
    // @unchecked: `list` is only touched under `lock`.
    private let lock = NSLock()
    private var list: [SpeechEvent] = []

    func append(_ event: SpeechEvent) { lock.withLock { list.append(event) } }
    var events: [SpeechEvent] { lock.withLock { list } }

    var finals: [String] {
        events.compactMap { if case .utterance(let u) = $0, u.isFinal { u.msg.text } else { nil } }
    }
    var warnings: [String] {
        events.compactMap { if case .warning(let text) = $0 { text } else { nil } }
    }
}

extension WholePathTests {
    @Suite struct LiveTranscriberTests {
        /// A decode that fails is one warning naming the stretch of speech lost; the other
        /// utterances still come through, in order.
        @Test func aFailedDecodeIsAWarningAndTheRestGoesOn() async throws {
            let dir = try SpeechFixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let (path, bursts) = try TestWAV.bursts(count: 3, in: dir)
            var transcriber = LiveTranscriber(recogniser: FlakyRecogniser(failing: 2), prompt: nil)
            transcriber.partials = false
            let emitted = Emitted()
            try await transcriber.run(source: FileSource(path: path, realtime: false), live: false) { emitted.append($0) }
            #expect(emitted.finals.count == 2, "\(emitted.finals)")
            let warning = try #require(emitted.warnings.first)
            #expect(emitted.warnings.count == 1)
            // The second burst (3.4-4.4 s, with 0.3 s of pre-roll before it) is the one named.
            let span = String(format: "%.1f-%.1f s", bursts[1].0 - 0.3, bursts[1].1)
            #expect(span == "3.1-4.4 s")
            #expect(warning.hasPrefix("speech at \(span) could not be recognised: cannot encode a prompt"), "\(warning)")
        }

        /// Cancelling a run whose recogniser is stuck returns at once, even for a file whose
        /// capture is waiting for the queue to make room (it would otherwise wait for ever).
        @Test func cancellingAStuckRunReturns() async throws {
            let dir = try SpeechFixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let (path, _) = try TestWAV.bursts(count: 8, in: dir)
            let emitted = Emitted()
            let transcriber = LiveTranscriber(recogniser: StuckRecogniser(), prompt: nil)
            let run = Task { try await transcriber.run(source: FileSource(path: path, realtime: false), live: false) { emitted.append($0) } }
            // Finals of bursts 2-6 wait behind the first, so at 13.7 s (chunk 138) the capture stops
            // reading until the queue has room.
            while emitted.events.count < 138 { try await Task.sleep(for: .milliseconds(10)) }
            run.cancel()
            // A guard against hanging the test run, not a speed check: a working run ends at once.
            let ended = await withTaskGroup(of: Bool.self) { group in
                group.addTask { _ = await run.result; return true }
                group.addTask { try? await Task.sleep(for: .seconds(30)); return false }
                let first = await group.next() ?? false
                group.cancelAll()
                return first
            }
            #expect(ended, "the run was still going 30 s after it was cancelled")
            #expect(emitted.finals.isEmpty)
        }

        /// Whisper runs on a dispatch queue, outside the task tree: cancelling the task that waits
        /// for it still stops the decode, which then reports cancellation instead of text.
        @Test func cancellingStopsAWhisperDecodeInFlight() async throws {
            let model = try SpeechFixtures.whisper.get()
            let meeting = Repository.shared.path + "/eval/audio/meetings/meeting_01.wav"
            let samples = Array(try AudioFile.decode(path: meeting).prefix(20 * 16000))
            let whisper = WhisperRecogniser(model: model, options: TranscriptionOptions(), partialWindowMargin: 2, finalWindowMargin: 8, fallbackTimeLimit: nil)
            let decode = Task { try await whisper.recognise(samples, prompt: nil, final: true) }
            decode.cancel()
            await #expect(throws: CancellationError.self) { _ = try await decode.value }
        }
    }
}
