/// Which of the server's services are alive, judged from the last heartbeat of each: a service
/// that has not beaten for `tolerance` periods is stuck. Plain value, times passed in, so the
/// judgement is tested with a manual clock.
struct HeartbeatState: Sendable {
    /// Seconds between the heartbeats a live service sends.
    let period: Double
    /// Missing this many periods in a row makes a service stuck (one late beat is not).
    let tolerance: Double
    private var lastBeat: [String: Double] = [:]

    init(period: Double, tolerance: Double = 3) {
        precondition(period > 0 && tolerance >= 1, "a heartbeat period must be positive")
        self.period = period
        self.tolerance = tolerance
    }

    /// A service that has started; it counts as having just beaten.
    mutating func register(_ name: String, at now: Double) {
        lastBeat[name] = now
    }

    mutating func beat(_ name: String, at now: Double) {
        lastBeat[name] = max(lastBeat[name] ?? now, now)
    }

    /// A service that has ended on purpose is no longer judged.
    mutating func remove(_ name: String) {
        lastBeat[name] = nil
    }

    func report(at now: Double) -> HealthReport {
        let limit = period * tolerance
        let services = lastBeat.keys.sorted().map { name -> HealthReport.Service in
            let age = max(0, now - (lastBeat[name] ?? now))
            return HealthReport.Service(name: name, secondsSinceBeat: age, alive: age <= limit)
        }
        return HealthReport(healthy: services.allSatisfy(\.alive), periodSeconds: period, services: services)
    }
}

/// What `GET /health` shows: each service's last heartbeat, and whether all are alive.
struct HealthReport: Sendable, Equatable {
    struct Service: Sendable, Equatable {
        var name: String
        var secondsSinceBeat: Double
        var alive: Bool
    }

    var healthy: Bool
    var periodSeconds: Double
    var services: [Service]

    var status: String { healthy ? "ok" : "stuck" }
}
