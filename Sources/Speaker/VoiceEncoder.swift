import Foundation
import Tensor

/// Resemblyzer's `VoiceEncoder.embed_utterance` on the Tensor code: one 256-d, L2-normalised
/// voice embedding (d-vector) per utterance of 16 kHz audio. The utterance is raised to
/// -30 dBFS if quieter (`normalize_volume(..., increase_only=True)`), cut into 1.6 s partials
/// (160 mel frames) 1.3 per second, each partial run through the 3-layer LSTM, the last hidden
/// state through linear + ReLU + L2 norm, and the partial embeddings averaged and normalised.
/// One value per stream; the LSTM scratch for up to `batch` partials is allocated in `init`.
public struct VoiceEncoder: Sendable {
    public static let sampleRate = SpeakerMel.sampleRate
    public static let embeddingSize = VoiceEncoderWeights.embeddingSize
    static let partialFrames = 160
    static let partialRate = 1.3
    static let minCoverage = 0.75
    /// Mel frames from one partial's start to the next's: 77.
    static let partialStep = Int((Double(SpeakerMel.sampleRate) / partialRate / Double(SpeakerMel.hop)).rounded())
    static let targetRMS: Float = 0.031622775  // -30 dBFS: 10^(-30 / 20)
    /// Partials run through the LSTM together; longer utterances go in several batches, so
    /// memory stays bounded whatever the utterance's length.
    static let batch = 8

    public let weights: VoiceEncoderWeights
    private let mel = SpeakerMel()
    private var arena: [Float]

    private typealias W = VoiceEncoderWeights
    private static let steps = partialFrames
    // Offsets into `arena`, each with the shape it holds.
    private static let input = 0  // [steps, batch, bands]
    private static let layerA = input + steps * batch * W.melBands  // [steps, batch, hidden], ping
    private static let layerB = layerA + steps * batch * W.hiddenSize  // [steps, batch, hidden], pong
    private static let gates = layerB + steps * batch * W.hiddenSize  // [steps, batch, 4 * hidden]
    private static let cell = gates + steps * batch * 4 * W.hiddenSize  // [batch, hidden]
    private static let embeddings = cell + batch * W.hiddenSize  // [batch, embedding]
    private static let arenaSize = embeddings + batch * W.embeddingSize

    public init(weights: VoiceEncoderWeights) {
        self.weights = weights
        arena = [Float](repeating: 0, count: Self.arenaSize)
    }

    /// The embedding of one utterance, `embeddingSize` values with unit length. Samples that
    /// are not finite count as silence; an empty or silent utterance gives the embedding of
    /// silence, which is still a unit vector.
    public mutating func embed(_ samples: ArraySlice<Float>) -> [Float] {
        let starts = Self.partialStarts(samples: samples.count)
        let lastEnd = ((starts.last ?? 0) + Self.partialFrames) * SpeakerMel.hop
        var wav = [Float](repeating: 0, count: max(samples.count, lastEnd))
        var sumSquares: Double = 0
        for (i, s) in samples.enumerated() where s.isFinite {
            wav[i] = s
            sumSquares += Double(s) * Double(s)
        }
        if let gain = Self.gain(sumSquares: sumSquares, count: samples.count) {
            for i in wav.indices { wav[i] *= gain }
        }
        let spectrogram = wav.withUnsafeBufferPointer { mel.compute($0) }  // [frames, bands]
        var partials: [[Float]] = []
        var first = 0
        while first < starts.count {
            let group = Array(starts[first..<min(first + Self.batch, starts.count)])
            partials += partialEmbeddings(spectrogram, firstFrame: 0, starts: group)
            first += Self.batch
        }
        return Self.average(partials)
    }

    /// The mel frames `range` of `samples` (zeros past their end), gain 1: `[range.count, bands]`.
    func melFrames(_ samples: UnsafeBufferPointer<Float>, _ range: Range<Int>) -> [Float] {
        mel.compute(samples, frames: range)
    }

    /// The utterance's embedding from its partials' embeddings, summed in order and normalised.
    static func average(_ partials: [[Float]]) -> [Float] {
        var sum = [Float](repeating: 0, count: W.embeddingSize)
        for partial in partials {
            for i in sum.indices where i < partial.count { sum[i] += partial[i] }
        }
        return normalised(sum)
    }

    /// The gain that raises an utterance of `count` samples whose squares sum to `sumSquares`
    /// to -30 dBFS, or nil when it is loud enough (or silent) and is left as it is.
    static func gain(sumSquares: Double, count: Int) -> Float? {
        let rms = count == 0 ? 0 : Float((sumSquares / Double(count)).squareRoot())
        return rms > 0 && rms < targetRMS ? targetRMS / rms : nil
    }

    /// The gain `embed` gives `samples`, or nil.
    static func gain(of samples: ArraySlice<Float>) -> Float? {
        var sumSquares: Double = 0
        for s in samples where s.isFinite { sumSquares += Double(s) * Double(s) }
        return gain(sumSquares: sumSquares, count: samples.count)
    }

    /// First mel frame of each partial, as `compute_partial_slices(n, rate=1.3, min_coverage=0.75)`.
    static func partialStarts(samples n: Int) -> [Int] {
        let frames = (n + 1 + SpeakerMel.hop - 1) / SpeakerMel.hop  // ceil((n + 1) / hop)
        let count = max(1, frames - partialFrames + partialStep + 1)
        var starts = Array(stride(from: 0, to: count, by: partialStep))
        if let last = starts.last, starts.count > 1 {
            let coverage = Double(n - last * SpeakerMel.hop) / Double(partialFrames * SpeakerMel.hop)
            if coverage < minCoverage { starts.removeLast() }
        }
        return starts
    }

    /// Runs the partials starting at mel frames `starts` (at most `batch` of them) through the
    /// network together and returns each one's embedding (linear, ReLU, L2 norm). `spectrogram`
    /// holds the frames from `firstFrame` on, `[frames, bands]`, up to the last partial's end.
    mutating func partialEmbeddings(_ spectrogram: [Float], firstFrame: Int, starts: [Int]) -> [[Float]] {
        precondition(starts.count <= Self.batch && (starts.min() ?? firstFrame) >= firstFrame, "partials out of range")
        precondition(((starts.max() ?? 0) - firstFrame + Self.steps) * W.melBands <= spectrogram.count || starts.isEmpty,
                     "spectrogram too short for its partials")
        let weights = weights, batch = starts.count, bands = W.melBands, h = W.hiddenSize, e = W.embeddingSize
        guard batch > 0 else { return [] }
        return arena.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { preconditionFailure("empty arena") }
            let x = base + Self.input
            spectrogram.withUnsafeBufferPointer { mel in
                guard let m = mel.baseAddress else { return }
                for t in 0..<Self.steps {
                    for (p, start) in starts.enumerated() {
                        (x + (t * batch + p) * bands).update(from: m + (start - firstFrame + t) * bands, count: bands)
                    }
                }
            }
            var from = UnsafePointer(x)
            var to = base + Self.layerA
            for (n, layer) in weights.layers.enumerated() {
                layer.sequence(from, steps: Self.steps, batch: batch, gates: base + Self.gates, outputs: to,
                               cell: base + Self.cell)
                from = UnsafePointer(to)
                to = base + (n % 2 == 0 ? Self.layerB : Self.layerA)
            }
            // The last layer's hidden state after the last frame: [batch, hidden].
            let last = from + (Self.steps - 1) * batch * h
            let out = base + Self.embeddings
            linear(last, rows: batch, weight: weights.linear, bias: weights.linearBias, into: out)
            return (0..<batch).map { p in
                let row = out + p * e
                var norm: Float = 0
                for i in 0..<e {
                    row[i] = max(row[i], 0)
                    norm += row[i] * row[i]
                }
                let scale = norm > 0 ? 1 / norm.squareRoot() : 0
                return (0..<e).map { row[$0] * scale }
            }
        }
    }

    static func normalised(_ v: [Float]) -> [Float] {
        let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? v.map { $0 / norm } : v
    }
}
