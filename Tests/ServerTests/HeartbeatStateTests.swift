import Testing
@testable import Server

/// The health judgement alone, with times passed in: alive within three periods, stuck after.
struct HeartbeatStateTests {
    @Test func aServiceThatBeatsStaysAlive() {
        var state = HeartbeatState(period: 10)
        state.register("codegen", at: 0)
        for t in stride(from: 10.0, through: 100, by: 10) { state.beat("codegen", at: t) }
        let report = state.report(at: 105)
        #expect(report.healthy)
        #expect(report.services == [.init(name: "codegen", secondsSinceBeat: 5, alive: true)])
    }

    @Test func oneLateBeatIsNotStuckButThreeMissedPeriodsAre() {
        var state = HeartbeatState(period: 10)
        state.register("insights", at: 0)
        state.register("codegen", at: 0)
        state.beat("codegen", at: 20)
        #expect(state.report(at: 30).healthy)
        let stuck = state.report(at: 30.5)
        #expect(!stuck.healthy)
        #expect(stuck.services.map(\.name) == ["codegen", "insights"])
        #expect(stuck.services.map(\.alive) == [true, false])
        #expect(stuck.services[1].secondsSinceBeat == 30.5)
        // It beats again: alive again.
        state.beat("insights", at: 31)
        #expect(state.report(at: 32).healthy)
    }

    @Test func anOldBeatArrivingLateDoesNotMoveTheLastBeatBack() {
        var state = HeartbeatState(period: 1)
        state.register("intents", at: 0)
        state.beat("intents", at: 50)
        state.beat("intents", at: 40)
        #expect(state.report(at: 52).services.first?.secondsSinceBeat == 2)
    }

    @Test func aServiceThatEndedIsNoLongerJudged() {
        var state = HeartbeatState(period: 1)
        state.register("codegen", at: 0)
        state.remove("codegen")
        let report = state.report(at: 1000)
        #expect(report.healthy)
        #expect(report.services.isEmpty)
    }
}
