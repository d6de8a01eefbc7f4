import Testing
@testable import Speech

@Suite struct BacklogMonitorTests {
    func reports(_ depths: [Int], threshold: Int = 4) -> [BacklogMonitor.Report] {
        var monitor = BacklogMonitor(threshold: threshold)
        return depths.compactMap { monitor.update(depth: $0) }
    }

    @Test func normalRunningIsQuiet() {
        #expect(reports([1, 0, 1, 2, 1, 0, 3, 4, 3, 0]) == [])
    }

    /// Every depth above the threshold is slow; the first at or below it clears the signal,
    /// and the return to empty is shown rather than the depth it recovered at.
    @Test func slowIsReportedWhileBehindThenClears() {
        #expect(reports([3, 4, 5, 7, 6, 6, 5, 4, 3, 2, 1, 0]) == [
            .init(queued: 5, slow: true), .init(queued: 7, slow: true), .init(queued: 6, slow: true),
            .init(queued: 5, slow: true), .init(queued: 4, slow: false), .init(queued: 0, slow: false),
        ])
    }

    @Test func aDropStraightToEmptyClearsOnce() {
        #expect(reports([5, 0, 0, 1]) == [.init(queued: 5, slow: true), .init(queued: 0, slow: false)])
    }

    @Test func fallingBehindAgainIsReportedAgain() {
        #expect(reports([5, 4, 5, 2, 0]) == [
            .init(queued: 5, slow: true), .init(queued: 4, slow: false), .init(queued: 5, slow: true),
            .init(queued: 2, slow: false), .init(queued: 0, slow: false),
        ])
    }
}
