import Core
import Foundation
import Logging
import ServiceLifecycle
import Testing
@testable import Pipeline

/// The meeting as a service: commands carried out one at a time, in the order they came, and those
/// already sent still carried out when the group shuts down.
@Suite struct MeetingServiceTests {
    @Test func commandsAreHandledInTheOrderTheyCame() async throws {
        let meeting = try await MeetingTests.Fixture().openAlone()
        let service = MeetingService(meeting: meeting)
        let group = ServiceGroup(services: [service], logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let running = Task { try await group.run() }
        let pauses = (0..<40).map { $0 % 3 != 0 }
        for paused in pauses { service.send(.setPaused(paused)) }
        await group.triggerGracefulShutdown()
        try await running.value
        await meeting.finish()
        var live: [Bool] = []
        for await event in meeting.events {
            if case .status(let s) = event { live.append(s.live) }
        }
        #expect(live == pauses.map { !$0 }, "one status per command, in the order sent")
    }
}
