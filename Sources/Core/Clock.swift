import Foundation

/// Seconds on the meeting's time line. Injected so state machines can be tested without sleeping.
public protocol MeetingClock: Sendable {
    func now() -> Double
}

/// Wall-clock seconds since this clock was made.
public struct WallClock: MeetingClock {
    private let origin: Date
    public init(origin: Date = Date()) { self.origin = origin }
    public func now() -> Double { Date().timeIntervalSince(origin) }
}
