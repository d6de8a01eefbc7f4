import Core
import Foundation
import Capture
import Speaker
import Speech

/// Feeds live or recorded audio into a meeting through the speech stage: one input, or several
/// heard side by side (the microphone and the call), each transcribed on its own.
public struct AudioFeed: Sendable {
    /// One stream of audio and who speaks on it.
    public struct Input: Sendable {
        public var source: any AudioSource
        /// The name all its utterances carry: "You" for the microphone beside a call, "Call" for
        /// the call side when speakers are not told apart; nil leaves them unnamed, or to `speakers`.
        public var speaker: String?
        /// Tells the voices on this stream apart: each final carries "Speaker 1", "Speaker 2", ...
        /// (its partials none). Give it with no fixed `speaker`.
        public var speakers: SpeakerLabeller?

        public init(source: any AudioSource, speaker: String?, speakers: SpeakerLabeller? = nil) {
            precondition(speaker == nil || speakers == nil, "an input has a fixed speaker or a labeller, not both")
            self.source = source
            self.speaker = speaker
            self.speakers = speakers
        }
    }

    public var transcriber: LiveTranscriber
    public var inputs: [Input]
    /// Live input (a microphone, or a file paced in real time): silence is measured by the clock.
    public var live: Bool

    /// The first input's source.
    public var source: any AudioSource { inputs[0].source }

    public init(transcriber: LiveTranscriber, source: any AudioSource, live: Bool) {
        self.init(transcriber: transcriber, inputs: [Input(source: source, speaker: nil)], live: live)
    }

    public init(transcriber: LiveTranscriber, inputs: [Input], live: Bool) {
        precondition(!inputs.isEmpty, "an audio feed needs an input")
        self.transcriber = transcriber
        self.inputs = inputs
        self.live = live
    }

    public func play(into meeting: Meeting, clock: any MeetingClock = WallClock()) async throws {
        await meeting.start()
        let (events, emit) = AsyncStream.makeStream(of: (input: Int, event: SpeechEvent).self, bufferingPolicy: .unbounded)
        let transcriber = self.transcriber, inputs = self.inputs, live = self.live
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { emit.finish() }
                // Each input has its own voice activity and segments; they share the recogniser.
                try await withThrowingTaskGroup(of: Void.self) { sides in
                    for (index, input) in inputs.enumerated() {
                        sides.addTask {
                            try await transcriber.run(source: input.source, live: live, speakers: input.speakers) {
                                emit.yield((index, $0))
                            }
                        }
                    }
                    try await sides.waitForAll()
                }
            }
            if live {
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .milliseconds(100))
                        await meeting.tick(now: clock.now())
                    }
                }
            }
            var lastLevel = Date.distantPast
            var dropped = [Int](repeating: 0, count: inputs.count)
            for await (index, event) in events {
                switch event {
                case .utterance(let u):
                    await meeting.hear(Self.named(u, input: index, speaker: inputs[index].speaker))
                case .level(let level):
                    // The meter needs a few updates a second, not one per chunk.
                    if Date().timeIntervalSince(lastLevel) > 0.2 {
                        lastLevel = Date()
                        await meeting.report { $0.level = Double(level) }
                    }
                case .backlog(let backlog):
                    await meeting.report(queued: backlog.queued, slow: backlog.slow)
                case .dropped(let count):
                    dropped[index] = count
                    let total = dropped.reduce(0, +)
                    await meeting.report { $0.dropped = total }
                case .notice(let text):
                    await meeting.report(notice: text)
                case .warning(let text):
                    await meeting.report(warning: text)
                }
            }
            group.cancelAll()
            // The speech task has finished by now; surface its error, if any.
            try await group.waitForAll()
        }
        await meeting.finish()
    }

    /// An utterance of input `index` (after the first) gets ids of its own, as each input counts
    /// its segments from zero, and its input's speaker.
    static func named(_ utterance: Utterance, input index: Int, speaker: String?) -> Utterance {
        var u = utterance
        if index > 0 { u.id = "in\(index + 1)-" + u.id }
        if let speaker { u.msg.speaker = speaker }
        return u
    }
}
