import Foundation

/// Time for `--realtime` file playback: injected so tests pace a minute of audio without
/// waiting a minute.
public protocol PacingClock: Sendable {
    /// Seconds since some fixed origin.
    func now() -> Double
    /// Suspends for about this long.
    func sleep(seconds: Double) async throws
}

/// The wall clock, sleeping with `Task.sleep` (cancellable).
public struct SystemPacingClock: PacingClock {
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant

    public init() { origin = clock.now }

    public func now() -> Double {
        let d = clock.now - origin
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(for: .seconds(seconds))
    }
}
