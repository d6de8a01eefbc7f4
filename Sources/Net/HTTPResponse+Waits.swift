import Foundation

/// Waits a server announces in its headers (Retry-After, retry-after-ms, X-Ratelimit-Reset).
/// They are numbers from outside: "1e300", "inf" and "nan" are all valid `Double` text, and
/// `Int(1e300)` or `Duration.seconds(.infinity)` trap, so every one is read through here.
extension HTTPResponse {
    /// The longest wait a header is read as: a year. Longer than any retry budget, so a caller
    /// still refuses it, yet small enough for every conversion (Int, Duration, Date) to hold.
    public static let longestAnnouncedWait: Double = 365 * 86_400

    /// The seconds header `name` asks to wait, with `unit` seconds per unit (0.001 for
    /// retry-after-ms): nil when absent or not a number (text, an HTTP date, NaN); below zero
    /// reads as 0 and above `longestAnnouncedWait` (infinity included) as that.
    public func announcedWait(_ name: String, unit: Double = 1) -> Double? {
        guard let text = header(name), let value = Double(text.trimmingCharacters(in: .whitespaces)), !value.isNaN else {
            return nil
        }
        return Self.clampedWait(value * unit)
    }

    /// `seconds` held to 0...longestAnnouncedWait; NaN reads as 0.
    public static func clampedWait(_ seconds: Double) -> Double {
        guard !seconds.isNaN else { return 0 }
        return min(longestAnnouncedWait, max(0, seconds))
    }
}

/// Seconds shown to a user: whole seconds, or "over a year" for the clamped ceiling, never
/// through `Int(_:)` of an unbounded number.
public enum SecondsText {
    public static func whole(_ seconds: Double) -> String {
        guard seconds.isFinite else { return seconds.isNaN ? "?" : "over \(year)" }
        if seconds >= HTTPResponse.longestAnnouncedWait { return "over \(year)" }
        return String(Int(max(0, seconds).rounded(.up)))
    }

    /// "1.5", "30": one decimal when it has one.
    public static func short(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < HTTPResponse.longestAnnouncedWait else { return whole(seconds) }
        return seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }

    private static let year = String(Int(HTTPResponse.longestAnnouncedWait))
}
