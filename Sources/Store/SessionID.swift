import Foundation

/// Session ids people can read and type: local start time to the minute plus four random hex
/// digits, "2026-11-25-1432-ab12". They sort by start time.
enum SessionID {
    static func make(started: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: started)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        let suffix = String(UInt16.random(in: 0...UInt16.max), radix: 16)
        let random = String(repeating: "0", count: 4 - suffix.count) + suffix
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day))-\(two(c.hour))\(two(c.minute))-\(random)"
    }
}
