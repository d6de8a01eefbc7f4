import Foundation

/// When bytes last arrived for one request. libcurl's low-speed limit does not fire while a
/// server holds back its headers, so the read timeout is enforced here from the body callback.
final class ActivityClock: @unchecked Sendable {
    private let lock = NSLock()
    private var last = ContinuousClock.now

    func touch() { lock.withLock { last = .now } }
    var lastActivity: ContinuousClock.Instant { lock.withLock { last } }
}

/// The server said nothing for the whole timeout.
struct SilenceTimeout: Error {}

/// Runs `work`, failing with `SilenceTimeout` once `activity` has been quiet for `seconds`;
/// the work is then cancelled (Net aborts the transfer from its progress callback).
func withSilenceTimeout<T: Sendable>(_ seconds: Double, activity: ActivityClock,
                                     _ work: @escaping @Sendable () async throws -> T) async throws -> T {
    // Held to a day: `Int(seconds * 1000)` of an unchecked Double would trap.
    let quiet = Duration.milliseconds(Int((seconds.isNaN ? 86_400 : min(86_400, max(0.001, seconds))) * 1000))
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await work() }
        group.addTask {
            while true {
                let deadline = activity.lastActivity + quiet
                if ContinuousClock.now >= deadline { return nil }
                try await Task.sleep(until: deadline, clock: .continuous)
            }
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw SilenceTimeout() }
        return value
    }
}
