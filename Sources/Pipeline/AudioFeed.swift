import Core
import Foundation
import Capture
import Speech

/// Feeds live or recorded audio into a meeting through the speech stage.
public struct AudioFeed: Sendable {
    public var transcriber: LiveTranscriber
    public var source: any AudioSource
    /// Live input (a microphone, or a file paced in real time): silence is measured by the clock.
    public var live: Bool

    public init(transcriber: LiveTranscriber, source: any AudioSource, live: Bool) {
        self.transcriber = transcriber
        self.source = source
        self.live = live
    }

    public func play(into meeting: Meeting, clock: any MeetingClock = WallClock()) async throws {
        await meeting.start()
        let (events, emit) = AsyncStream.makeStream(of: SpeechEvent.self, bufferingPolicy: .unbounded)
        let transcriber = self.transcriber, source = self.source, live = self.live
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { emit.finish() }
                try await transcriber.run(source: source, live: live) { emit.yield($0) }
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
            for await event in events {
                switch event {
                case .utterance(let u):
                    await meeting.hear(u)
                case .level(let level):
                    // The meter needs a few updates a second, not one per chunk.
                    if Date().timeIntervalSince(lastLevel) > 0.2 {
                        lastLevel = Date()
                        await meeting.report { $0.level = Double(level) }
                    }
                case .backlog(let backlog):
                    await meeting.report(queued: backlog.queued, slow: backlog.slow)
                case .dropped(let count):
                    await meeting.report { $0.dropped = count }
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
}
