import Foundation

/// Streaming band-limited resampler: a Kaiser-windowed sinc low-pass evaluated in polyphase
/// form. Rates reduce to L/M; phase p of L holds the taps for an output that falls p/L of an
/// input sample after an input sample. Output n sits at input time n*M/L exactly (the filter
/// is centred), so durations are preserved and there is no delay to correct downstream.
///
/// Memory is bounded: only the last `2 * halfWidth` input samples are kept between calls.
public struct Resampler: Sendable {
    public let inputRate: Int
    public let outputRate: Int
    private let up: Int        // L
    private let down: Int      // M
    private let halfWidth: Int // taps either side of the output instant, in input samples
    private let phases: Int    // table rows; == up unless `up` is too large to tabulate
    private let table: [Float] // [phases, 2*halfWidth]
    private var history: [Float]   // input samples from absolute index `historyStart`
    private var historyStart: Int
    private var consumed: Int      // input samples received so far
    private var produced: Int      // output samples emitted so far

    /// Zero crossings of the sinc on each side: 16 gives >80 dB stopband with beta 8.
    private static let zeroCrossings = 16
    /// Cut off a little below the output Nyquist so the transition band does not alias.
    private static let rolloff = 0.92
    private static let kaiserBeta = 8.0
    private static let maxPhases = 4096

    public init(inputRate: Int, outputRate: Int = 16000) {
        precondition(inputRate > 0 && outputRate > 0, "sample rates must be positive")
        let g = Self.gcd(inputRate, outputRate)
        up = outputRate / g
        down = inputRate / g
        self.inputRate = inputRate
        self.outputRate = outputRate
        // Cutoff as a fraction of the input Nyquist; below 1 only when decimating.
        let cutoff = min(1.0, Double(up) / Double(down)) * Self.rolloff
        halfWidth = Int((Double(Self.zeroCrossings) / cutoff).rounded(.up))
        phases = min(up, Self.maxPhases)
        table = Self.makeTable(phases: phases, halfWidth: halfWidth, cutoff: cutoff)
        // Pretend the signal was silent before it began, so output 0 is centred on input 0.
        history = [Float](repeating: 0, count: halfWidth - 1)
        historyStart = -(halfWidth - 1)
        consumed = 0
        produced = 0
    }

    /// Samples held between calls; bounded by the filter length (checked by the tests).
    public var bufferedSampleCount: Int { history.count }

    /// Feeds input and returns every output sample whose window is now complete.
    public mutating func process(_ input: [Float]) -> [Float] {
        if up == down { return input }
        history.append(contentsOf: input)
        consumed += input.count
        return drain(limit: Int.max)
    }

    /// Ends the stream: pads with silence and emits the tail, `ceil(total * L / M)` in all.
    public mutating func flush() -> [Float] {
        if up == down { return [] }
        let total = (consumed * up + down - 1) / down
        history.append(contentsOf: [Float](repeating: 0, count: halfWidth + 1))
        let tail = drain(limit: total)
        history.removeAll(keepingCapacity: false)
        return tail
    }

    /// Resamples a whole signal in one call.
    public static func resample(_ samples: [Float], from inputRate: Int, to outputRate: Int = 16000) -> [Float] {
        if inputRate == outputRate { return samples }
        var r = Resampler(inputRate: inputRate, outputRate: outputRate)
        var out = r.process(samples)
        out.append(contentsOf: r.flush())
        return out
    }

    private mutating func drain(limit: Int) -> [Float] {
        var out: [Float] = []
        let taps = 2 * halfWidth
        let available = historyStart + history.count   // one past the last absolute input index
        history.withUnsafeBufferPointer { h in
            table.withUnsafeBufferPointer { t in
                while produced < limit {
                    let position = produced * down
                    let centre = position / up
                    // Window covers inputs centre-halfWidth+1 ... centre+halfWidth.
                    guard centre + halfWidth < available else { break }
                    let phase = phases == up ? position % up : (position % up) * phases / up
                    let first = centre - halfWidth + 1 - historyStart
                    var acc: Float = 0
                    let row = phase * taps
                    for j in 0..<taps { acc += h[first + j] * t[row + j] }
                    out.append(acc)
                    produced += 1
                }
            }
        }
        // Drop what no future output can reach.
        let nextCentre = (produced * down) / up
        let keepFrom = nextCentre - halfWidth + 1 - historyStart
        if keepFrom > 0 {
            let drop = min(keepFrom, history.count)
            history.removeFirst(drop)
            historyStart += drop
        }
        return out
    }

    private static func makeTable(phases: Int, halfWidth: Int, cutoff: Double) -> [Float] {
        let taps = 2 * halfWidth
        var table = [Float](repeating: 0, count: phases * taps)
        let i0Beta = besselI0(kaiserBeta)
        for p in 0..<phases {
            let frac = Double(p) / Double(phases)
            var row = [Double](repeating: 0, count: taps)
            var sum = 0.0
            for j in 0..<taps {
                // Distance from the output instant to input (centre - halfWidth + 1 + j).
                let x = frac - Double(j - halfWidth + 1)
                let sinc = x == 0 ? 1 : sin(Double.pi * cutoff * x) / (Double.pi * cutoff * x)
                let w = x / Double(halfWidth)
                let window = abs(w) >= 1 ? 0 : besselI0(kaiserBeta * (1 - w * w).squareRoot()) / i0Beta
                row[j] = cutoff * sinc * window
                sum += row[j]
            }
            // Unity gain at DC in every phase, or a constant would come out rippled.
            for j in 0..<taps { table[p * taps + j] = Float(row[j] / sum) }
        }
        return table
    }

    private static func besselI0(_ x: Double) -> Double {
        var sum = 1.0, term = 1.0
        let half = x / 2
        for k in 1..<50 {
            term *= (half / Double(k)) * (half / Double(k))
            sum += term
            if term < sum * 1e-12 { break }
        }
        return sum
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
