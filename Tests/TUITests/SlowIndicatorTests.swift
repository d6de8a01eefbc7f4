import Core
import Testing
@testable import TUI

/// The status line's "slow" follows recognition's backlog as the meeting reports it: a `.slow`
/// before each status while more than 4 segments wait, then a status alone once it has caught up.
@Suite struct SlowIndicatorTests {
    @Test func slowShowsWhileBehindAndClearsOnceCaughtUp() {
        var status = MeetingFixture.status
        var screen = MeetingFixture.screen(width: 120, height: 40, events: [.status(status)])
        func report(_ queued: Int, slow: Bool) {
            status.queueDepth = queued
            if slow { screen.apply(.slow(queued: queued)) }
            screen.apply(.status(status))
        }
        report(5, slow: true)
        report(7, slow: true)
        report(6, slow: true)
        screen.apply(.status(status))   // a level update keeps the depth
        #expect(screen.render().row(38).contains("queue 6 slow"))
        report(4, slow: false)
        let row = screen.render().row(38)
        #expect(row.contains("queue 4") && !row.contains("slow"), "\(row)")
        report(0, slow: false)
        #expect(screen.render().row(38).contains("queue 0"))
        report(5, slow: true)
        #expect(screen.render().row(38).contains("queue 5 slow"))
    }
}
