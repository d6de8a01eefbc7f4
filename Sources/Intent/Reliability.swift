import Foundation

/// Whether confidence means what it says: labelled lines binned by the confidence the
/// extractor gave them, each bin's mean confidence beside the share of its lines that are
/// design lines. A line the extractor found nothing in counts as confidence 0.
public struct Reliability: Sendable, Equatable {
    public struct Bin: Sendable, Equatable {
        public var count = 0
        public var confidenceSum = 0.0
        public var design = 0

        public var meanConfidence: Double { count == 0 ? 0 : confidenceSum / Double(count) }
        public var designShare: Double { count == 0 ? 0 : Double(design) / Double(count) }
    }

    /// Ten bins of width 0.1; 1.0 falls in the last.
    public private(set) var bins = Array(repeating: Bin(), count: 10)
    /// Lines with no candidate at all (confidence 0), kept apart so they do not hide the rest.
    public private(set) var unread = Bin()
    private var squaredError = 0.0

    public init() {}

    mutating func add(confidence: Double?, design: Bool) {
        let p = confidence ?? 0
        squaredError += (p - (design ? 1 : 0)) * (p - (design ? 1 : 0))
        if confidence == nil {
            unread.count += 1
            if design { unread.design += 1 }
            return
        }
        let i = min(9, max(0, Int(p * 10)))
        bins[i].count += 1
        bins[i].confidenceSum += p
        if design { bins[i].design += 1 }
    }

    /// Adds another table's lines to this one.
    mutating func absorb(_ other: Reliability) {
        for i in bins.indices {
            bins[i].count += other.bins[i].count
            bins[i].confidenceSum += other.bins[i].confidenceSum
            bins[i].design += other.bins[i].design
        }
        unread.count += other.unread.count
        unread.design += other.unread.design
        squaredError += other.squaredError
    }

    public var lines: Int { bins.reduce(unread.count) { $0 + $1.count } }

    /// Expected calibration error over every line: the count-weighted gap between mean
    /// confidence and design share, bin by bin (unread lines as one bin at confidence 0).
    public var expectedCalibrationError: Double {
        let all = bins + [unread]
        let n = Double(lines)
        guard n > 0 else { return 0 }
        return all.reduce(0) { $0 + Double($1.count) / n * abs($1.meanConfidence - $1.designShare) }
    }

    /// The same over the lines that had a candidate only: how honest the scores are where
    /// there is a score.
    public var candidateCalibrationError: Double {
        let n = Double(bins.reduce(0) { $0 + $1.count })
        guard n > 0 else { return 0 }
        return bins.reduce(0) { $0 + Double($1.count) / n * abs($1.meanConfidence - $1.designShare) }
    }

    /// Mean squared gap between confidence and the label (0 or 1).
    public var brierScore: Double { lines == 0 ? 0 : squaredError / Double(lines) }

    public var table: String {
        func pct(_ x: Double) -> String { String(format: "%5.1f%%", x * 100) }
        var rows = ["reliability           confidence  lines  mean conf  design share"]
        for (i, bin) in bins.enumerated().reversed() where bin.count > 0 {
            let range = String(format: "%.1f-%.1f", Double(i) / 10, Double(i + 1) / 10)
            rows.append("                      \(range)  \(String(format: "%6d", bin.count))     \(pct(bin.meanConfidence))       \(pct(bin.designShare))")
        }
        if unread.count > 0 {
            rows.append("                      none     \(String(format: "%6d", unread.count))     \(pct(0))       \(pct(unread.designShare))")
        }
        rows.append("calibration error     ECE \(pct(expectedCalibrationError)) (all lines), \(pct(candidateCalibrationError)) (lines with a candidate); Brier \(String(format: "%.3f", brierScore))")
        return rows.joined(separator: "\n")
    }
}
