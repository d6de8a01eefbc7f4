import Foundation

/// Loudness of a block of samples, for the status line's meter.
public enum AudioLevel {
    public static func rms(_ samples: [Float]) -> Float {
        guard !samples.isEmpty else { return 0 }
        var sum: Float = 0
        for s in samples { sum += s * s }
        return (sum / Float(samples.count)).squareRoot()
    }

    public static func peak(_ samples: [Float]) -> Float {
        var p: Float = 0
        for s in samples { p = max(p, abs(s)) }
        return min(1, p)
    }

    /// RMS on a decibel scale, -60 dBFS -> 0 and 0 dBFS -> 1: speech at a sensible level then
    /// fills half the meter instead of a sliver, as a linear RMS would.
    public static func meter(_ samples: [Float]) -> Float {
        let r = rms(samples)
        guard r > 0 else { return 0 }
        let db = 20 * log10(r)
        return max(0, min(1, (db + 60) / 60))
    }
}
