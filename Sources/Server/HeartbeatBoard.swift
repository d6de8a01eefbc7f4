import Core
import Synchronization

/// The heartbeats of a running server, shared by the services that beat and the route that
/// reports them; the clock is injected so a stuck service can be shown without waiting.
final class HeartbeatBoard: Sendable {
    private let state: Mutex<HeartbeatState>
    private let clock: any MeetingClock

    init(period: Double, clock: any MeetingClock) {
        state = Mutex(HeartbeatState(period: period))
        self.clock = clock
    }

    var period: Double { state.withLock { $0.period } }

    func register(_ name: String) {
        let now = clock.now()
        state.withLock { $0.register(name, at: now) }
    }

    func beat(_ name: String) {
        let now = clock.now()
        state.withLock { $0.beat(name, at: now) }
    }

    func remove(_ name: String) {
        state.withLock { $0.remove(name) }
    }

    func report() -> HealthReport {
        let now = clock.now()
        return state.withLock { $0.report(at: now) }
    }
}
