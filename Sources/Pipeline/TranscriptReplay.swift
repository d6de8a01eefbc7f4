import Core
import Foundation

/// Feeds a recorded transcript into a meeting: as fast as possible, or at the recorded pace
/// (`realtime`, optionally sped up) so triggers, silence and the screen behave as in a live call.
public struct TranscriptReplay: Sendable {
    public var utterances: [Utterance]
    public var realtime: Bool
    /// 2 plays a realtime replay twice as fast.
    public var speed: Double

    public init(utterances: [Utterance], realtime: Bool, speed: Double = 1) {
        self.utterances = utterances
        self.realtime = realtime
        self.speed = max(0.01, speed)
    }

    public func play(into meeting: Meeting, clock: any MeetingClock = WallClock()) async throws {
        await meeting.start()
        for utterance in utterances {
            try Task.checkCancellation()
            if realtime {
                // A line is known once it has been said: deliver it at its end time.
                try await wait(until: utterance.msg.tsEnd, meeting: meeting, clock: clock)
            }
            await meeting.hear(utterance)
        }
        if realtime, let last = utterances.last {
            // Let the final silence play out so the last intent triggers as it would live.
            if let deadline = await meeting.nextDeadline() {
                try await wait(until: max(deadline, last.msg.tsEnd), meeting: meeting, clock: clock)
            }
        }
        await meeting.finish()
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
