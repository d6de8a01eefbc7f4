import Core
import Foundation
import Logging
import Logs
import Pipeline
import ServiceLifecycle
import Synchronization
import TUI

/// `run` as one `ServiceGroup`: the meeting (commands in order, and the model calls, hooks and
/// insight queries beside its stages), the hourly purge, the feed (with the JSON Lines printer
/// beside it for `--no-tui`), and the screen. The screen closing (`q`) or, without
/// one, the meeting ending shuts the group down gracefully, last service first: the feed stops and
/// the meeting finishes as at the end of a file (what is pending is generated), then the purge and the
/// meeting's commands end. The printer lives inside the feed's service because the group treats a
/// service ending while another is being shut down as a failure, and the printer ends exactly then.
/// SIGINT/SIGTERM do the same; a second one cancels everything at once. (The group's own signal
/// handling stops listening after the first signal, so the escalation is ours: `StopSignals`.)
/// With the screen up, the screen owns SIGINT/SIGTERM/SIGHUP (it closes, which shuts the group down;
/// two dispatch sources for one signal would leave it ignored); once it is closed the default
/// action is back, so a second signal ends the process.
extension RunCommand {
    /// Runs the services; returns the feed's error, if it failed.
    func runServices(meeting: Meeting, feed: @escaping @Sendable () async throws -> Void,
                     screen ui: TerminalUI?, printer: JSONLinesPrinter?, logger: Logger) async -> (any Error)? {
        let commands = MeetingService(meeting: meeting)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: commands, successTerminationBehavior: .ignore),
            .init(service: PurgeService(meeting: meeting), successTerminationBehavior: .ignore),
        ]
        // With a screen, the feed ending leaves the screen up until the user quits.
        services.append(.init(service: FeedService(meeting: meeting, feed: feed, printer: printer),
                              successTerminationBehavior: ui == nil ? .gracefullyShutdownGroup : .ignore))
        if let ui {
            let events = logging.meetingLog(logger).following(meeting.events)
            services.append(.init(service: ScreenService(ui: ui, events: events, send: { commands.send($0) }),
                                  successTerminationBehavior: .gracefullyShutdownGroup))
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: services, logger: logger))
        let running = Task { try await group.run() }
        let stop = ui != nil ? nil : SignalShutdown.install(group: group, running: running)
        defer { stop?.cancel() }
        switch await running.result {
        case .success:
            return nil
        case .failure(let error):
            return error is CancellationError ? nil : error
        }
    }
}

/// The input: a transcript replay or audio, played into the meeting; with a printer, the events
/// printed until the meeting has finished.
struct FeedService: Service {
    let meeting: Meeting
    let feed: @Sendable () async throws -> Void
    let printer: JSONLinesPrinter?

    func run() async throws {
        let (feed, meeting) = (self.feed, self.meeting)
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let printer { group.addTask { await printer.run() } }
            group.addTask {
                do {
                    try await cancelWhenGracefulShutdown { try await feed() }
                } catch is CancellationError {
                    // Stopped by `q` or a signal: the meeting finishes as at the end of a file. A
                    // second signal cancels this task too, and then nothing more is generated.
                    if !Task.isCancelled { await meeting.finish() }
                }
            }
            try await group.waitForAll()
        }
    }
}

/// The MockPilot screen, until the user quits or the group shuts down.
struct ScreenService: Service {
    let ui: TerminalUI
    let events: AsyncStream<PipelineEvent>
    let send: @Sendable (PipelineCommand) -> Void

    func run() async throws {
        let (ui, events, send) = (self.ui, self.events, self.send)
        try await cancelWhenGracefulShutdown { try await ui.run(events: events, send: send) }
    }
}

/// `run --no-tui`: every event as one JSON object a line, problems also on stderr, until the
/// meeting says it has finished.
final class JSONLinesPrinter: Sendable {
    let meeting: Meeting
    let log: MeetingLog
    private let written = Mutex<Set<String>>([])

    init(meeting: Meeting, log: MeetingLog) {
        self.meeting = meeting
        self.log = log
    }

    /// Component files written so far.
    var files: Int { written.withLock { $0.count } }

    func run() async {
        for await event in meeting.events {
            log.record(event)
            if let line = try? JSONLines.encode(event) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
            switch event {
            case .component(let c): written.withLock { _ = $0.insert(c.path) }
            case .warning(let message): warn(message)
            case .componentFailed(let id, _, let reason): warn("\(id): \(reason)")
            default: break
            }
        }
    }
}
