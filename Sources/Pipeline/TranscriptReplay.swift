import Core
import Foundation
import Transcript

/// Feeds a recorded transcript into a meeting: as fast as possible, or at the recorded pace
/// (`realtime`, optionally sped up) so triggers, silence and the screen behave as in a live call.
public struct TranscriptReplay: Sendable {
    private enum Source: Sendable {
        case utterances([Utterance])
        /// Read as it plays: the first line is heard before the rest of the file is read.
        case stream(TranscriptStream)
    }

    private let source: Source
    public var realtime: Bool
    /// 2 plays a realtime replay twice as fast.
    public var speed: Double

    public init(utterances: [Utterance], realtime: Bool, speed: Double = 1) {
        self.init(source: .utterances(utterances), realtime: realtime, speed: speed)
    }

    /// Plays a transcript as it is read; its skipped lines are reported to the meeting in place.
    public init(stream: TranscriptStream, realtime: Bool, speed: Double = 1) {
        self.init(source: .stream(stream), realtime: realtime, speed: speed)
    }

    private init(source: Source, realtime: Bool, speed: Double) {
        self.source = source
        self.realtime = realtime
        self.speed = max(0.01, speed)
    }

    public func play(into meeting: Meeting, clock: any MeetingClock = WallClock()) async throws {
        await meeting.start()
        var last: Utterance?
        switch source {
        case .utterances(let utterances):
            for utterance in utterances {
                try await hear(utterance, meeting: meeting, clock: clock)
                last = utterance
            }
        case .stream(var stream):
            while let item = try stream.next() {
                switch item {
                case .utterance(let utterance):
                    try await hear(utterance, meeting: meeting, clock: clock)
                    last = utterance
                case .warning(let warning):
                    await meeting.report(warning: warning.description)
                case .notice(let notice):
                    await meeting.report(notice: notice.description)
                }
            }
        }
        if realtime, let last {
            // Let the final silence play out so the last intent triggers as it would live.
            if let deadline = await meeting.nextDeadline() {
                try await wait(until: max(deadline, last.msg.tsEnd), meeting: meeting, clock: clock)
            }
        }
        await meeting.finish()
    }

    private func hear(_ utterance: Utterance, meeting: Meeting, clock: any MeetingClock) async throws {
        try Task.checkCancellation()
        if realtime {
            // A line is known once it has been said: deliver it at its end time.
            try await wait(until: utterance.msg.tsEnd, meeting: meeting, clock: clock)
        }
        await meeting.hear(utterance)
    }

    /// Sleeps in short steps until meeting time `target`, ticking the meeting's clock on the way.
    private func wait(until target: Double, meeting: Meeting, clock: any MeetingClock) async throws {
        while true {
            let now = clock.now() * speed
            if now >= target { return }
            await meeting.tick(now: now)
            let step = min(0.1, (target - now) / speed)
            try await Task.sleep(for: .seconds(step))
        }
    }
}
