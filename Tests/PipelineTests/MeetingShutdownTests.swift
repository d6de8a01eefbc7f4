import Core
import Foundation
import Logging
import ServiceLifecycle
import Store
import Testing
@testable import Pipeline

/// Ending a meeting while a model call is outstanding, as `run` ends one: the meeting's service
/// beside a feed in one `ServiceGroup`. The stand-in model stalls far longer than each test is
/// allowed to run, so a shutdown that waited for it would fail the time limit.
@Suite struct MeetingShutdownTests {
    /// The input as `run`'s feed plays it: the lines, then, once the group shuts down, the meeting
    /// finished as at the end of a file. Cancelled (a second signal), it finishes nothing.
    struct LinesFeed: Service {
        let meeting: Meeting
        let lines: [Utterance]

        func run() async {
            await meeting.start()
            for line in lines { await meeting.hear(line) }
            do {
                try await gracefulShutdown()
            } catch {
                return
            }
            await meeting.finish()
        }
    }

    static let ask = MeetingTests.line("u1", "Let's build a pill-shaped pay button like Stripe's.", at: 0)

    static func group(_ services: [any Service]) -> ServiceGroup {
        ServiceGroup(services: services, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    static func stored(_ run: MeetingModelTests.Run, session: String) async throws -> [String] {
        try await Store(path: run.fixture.dir + "/db.sqlite").utterances(session: session).map(\.id)
    }

    /// `q` while the model thinks: the call is dropped at once, the meeting finishes (the template's
    /// component is written), and what was said is in the session database.
    @Test(.timeLimit(.minutes(1)))
    func quittingWhileTheModelThinksFinishesTheMeetingAndKeepsWhatWasSaid() async throws {
        let run = try MeetingModelTests.Run(scenario: "stall", stall: 110, timeout: 115)
        let meeting = try await run.fixture.openAlone()
        let service = MeetingService(meeting: meeting)
        let group = Self.group([service, LinesFeed(meeting: meeting, lines: [Self.ask])])
        let running = Task { try await group.run() }

        var events: [PipelineEvent] = []
        var quit = false
        for await event in meeting.events {
            events.append(event)
            if case .model(let activity) = event, activity.phase == .asking, !quit {
                quit = true
                // As the screen sends it; the pause after it shows (commands run in order) that
                // the quit was carried out before the group is shut down.
                service.send(.quit)
                service.send(.setPaused(true))
            }
            if case .status(let status) = event, quit, !status.live { await group.triggerGracefulShutdown() }
        }
        try await running.value

        #expect(events.last == .finished)
        #expect(MeetingModelTests.components(events).map { MeetingModelTests.local($0.event.specID) } == ["c1.v1"],
                "the template's version is written")
        #expect(MeetingModelTests.activity(events).map(\.phase) == [.asking, .superseded], "the model's call was dropped")
        #expect(try await Self.stored(run, session: meeting.sessionID) == ["u1"])
    }

    /// A second signal cancels the group: the outstanding call is cancelled with it, the group
    /// ends at once without finishing the meeting, and what was said is still stored.
    @Test(.timeLimit(.minutes(1)))
    func cancellingTheGroupStopsAnOutstandingModelCallAtOnce() async throws {
        let run = try MeetingModelTests.Run(scenario: "stall", stall: 110, timeout: 115)
        let meeting = try await run.fixture.openAlone()
        let group = Self.group([MeetingService(meeting: meeting), LinesFeed(meeting: meeting, lines: [Self.ask])])
        let running = Task { try await group.run() }

        var events: [PipelineEvent] = []
        for await event in meeting.events {
            events.append(event)
            if case .model(let activity) = event, activity.phase == .asking { break }
        }
        running.cancel()
        _ = await running.result
        #expect(MeetingModelTests.components(events).map { MeetingModelTests.local($0.event.specID) } == ["c1.v1"])
        #expect(try await Self.stored(run, session: meeting.sessionID) == ["u1"])
    }
}
