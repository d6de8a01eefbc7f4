import Core
import ServiceLifecycle

/// The meeting as one child of the run's `ServiceGroup`: commands from the screen are carried out
/// one at a time, in the order they came (a `g` after a `space` sees the pause). Its `run()` owns
/// the one task group the meeting's command work happens in; a graceful shutdown lets the commands
/// already sent finish, then ends.
public final class MeetingService: Service, Sendable {
    public let meeting: Meeting
    private let commands: AsyncStream<PipelineCommand>
    private let inbox: AsyncStream<PipelineCommand>.Continuation

    public init(meeting: Meeting) {
        self.meeting = meeting
        // Unbounded: commands are key presses, a handful a second at most, and none may be lost.
        (commands, inbox) = AsyncStream.makeStream(of: PipelineCommand.self, bufferingPolicy: .unbounded)
    }

    /// Queues a command behind those sent before it.
    public func send(_ command: PipelineCommand) {
        inbox.yield(command)
    }

    public func run() async {
        let (commands, meeting) = (self.commands, self.meeting)
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await command in commands { await meeting.handle(command) }
                }
                await group.waitForAll()
            }
        } onGracefulShutdown: {
            self.inbox.finish()
        }
    }
}

/// Deletes stored transcripts older than the retention once an hour while the meeting runs.
public struct PurgeService: Service {
    public let meeting: Meeting
    public var interval: Duration

    public init(meeting: Meeting, interval: Duration = .seconds(3600)) {
        self.meeting = meeting
        self.interval = interval
    }

    public func run() async {
        let (meeting, interval) = (self.meeting, self.interval)
        // Sleeping ends on shutdown (the sleep throws): nothing is left half done.
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: interval)
                await meeting.purgeExpired()
            }
        }
    }
}
