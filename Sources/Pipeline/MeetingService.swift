import Core
import ServiceLifecycle

/// The meeting as one child of the run's `ServiceGroup`. Its `run()` owns the one task group the
/// meeting's work happens in: commands from the screen, carried out one at a time in the order they
/// came (a `g` after a `space` sees the pause), and the work the meeting asks for beside its stages
/// (model calls, hooks, insight queries), each a child task.
///
/// It ends on a graceful shutdown (or `stop()` outside a group): the commands already sent are
/// carried out, then what still works beside the meeting is cancelled and waited for. The feed has
/// finished the meeting by then (ServiceGroup shuts services down last first, and this one comes
/// first), so nothing is left but what a key asked for after the end. It never ends on its own:
/// the group counts a service that ends while another is being shut down as a failure.
/// Cancelling `run()` (a second signal) cancels everything at once.
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

    /// Ends `run()` as a graceful shutdown does, for a meeting that runs outside a `ServiceGroup`
    /// (a `/stream` connection, once its meeting has finished).
    public func stop() {
        inbox.finish()
    }

    public func run() async {
        let (commands, meeting, work) = (self.commands, self.meeting, self.meeting.work)
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await command in commands { await meeting.handle(command) }
                    // No more commands, so nothing more to ask of the meeting.
                    work.close()
                }
                // Ends when the work is closed after the last command, or at once when this task
                // is cancelled.
                for await job in work.jobs {
                    group.addTask(priority: job.priority) { await job.run() }
                }
                // What the loop left unstarted is ended, what runs is cancelled (either way the
                // meeting waiting for it goes on); commands sent from now on are not carried out.
                work.close()
                self.inbox.finish()
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
