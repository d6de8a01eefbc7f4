import Foundation
import Tensor

/// Silero VAD v6 at 16 kHz: the speech probability of each 32 ms chunk (512 samples), with the
/// LSTM state and the last 64 samples carried from one chunk to the next, as Silero's own
/// `OnnxWrapper` streams it. One value per audio stream; the weights are shared.
///
/// The graph, per chunk: 64 context samples + 512 new ones, reflection-padded by 64 on the
/// right (640) -> STFT as a stride-128 convolution (4 frames x 129 bins of magnitude) ->
/// four kernel-3 convolutions with ReLU (time 4 -> 4 -> 2 -> 1 -> 1) -> LSTM cell (128) ->
/// ReLU -> 1x1 convolution -> sigmoid. Every activation lives in one buffer allocated in
/// `init`, so a chunk allocates nothing.
public struct SileroVAD: Sendable {
    /// Samples per chunk at 16 kHz, and the samples of the previous chunk the model re-reads.
    public static let chunkLength = 512
    public static let contextLength = 64
    public static let sampleRate = 16000

    public let weights: SileroWeights

    /// One scratch buffer, sliced at fixed offsets (below), so `probability` never allocates.
    private var arena: [Float]

    private typealias W = SileroWeights
    private static let frames = 4  // STFT frames per chunk: (640 - 256) / 128 + 1
    private static let windowLength = contextLength + chunkLength + contextLength  // 640
    // Offsets into `arena`, each with the shape it holds.
    private static let input = 0  // [640]: context, chunk, reflection
    private static let spectrum = input + windowLength  // [frames, 2 * bins]
    private static let magnitude = spectrum + frames * 2 * W.bins  // [bins, frames]
    private static let columns = magnitude + W.bins * frames  // [in * 3, time] im2col, or [frames, fftSize]
    private static let layerA = columns + W.bins * 3 * frames  // [channels, time], ping
    private static let layerB = layerA + W.hiddenSize * frames  // [channels, time], pong
    private static let gates = layerB + W.hiddenSize * frames  // [4 * hidden]
    private static let hidden = gates + 4 * W.hiddenSize  // [hidden], h carried across chunks
    private static let cell = hidden + W.hiddenSize  // [hidden], c carried across chunks
    private static let arenaSize = cell + W.hiddenSize

    public init(weights: SileroWeights) {
        self.weights = weights
        arena = [Float](repeating: 0, count: Self.arenaSize)
    }

    /// Forgets the stream: zero context and LSTM state, as at the start of a recording.
    public mutating func reset() {
        for i in arena.indices { arena[i] = 0 }
    }

    /// Speech probability (0...1) of the next `chunkLength` samples of the stream.
    public mutating func probability(of chunk: UnsafeBufferPointer<Float>) -> Float {
        precondition(chunk.count == Self.chunkLength, "Silero VAD takes chunks of \(Self.chunkLength) samples")
        let weights = weights
        return arena.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { preconditionFailure("empty arena") }
            let x = base + Self.input
            // The new chunk goes after the context the previous call left at the front.
            for i in 0..<Self.chunkLength { x[Self.contextLength + i] = chunk[i].isFinite ? chunk[i] : 0 }
            Self.reflectionPad(x)
            Self.stftMagnitude(
                x, weights: weights, windows: base + Self.columns, spectrum: base + Self.spectrum, into: base + Self.magnitude)
            // Encoder: magnitude -> A -> B -> A -> B, time 4 -> 4 -> 2 -> 1 -> 1.
            var time = Self.frames
            var from = base + Self.magnitude
            var to = base + Self.layerA
            for (n, layer) in weights.encoder.enumerated() {
                time = Self.convolution(from, time: time, layer: layer, columns: base + Self.columns, into: to)
                from = to
                to = base + (n % 2 == 0 ? Self.layerB : Self.layerA)
            }
            precondition(time == 1, "the encoder ends with one time step")
            weights.lstm.step(from, gates: base + Self.gates, hidden: base + Self.hidden, cell: base + Self.cell)
            let p = Self.decoder(base + Self.hidden, weights: weights)
            // The last 64 samples of this window (before the reflection) are the next one's context.
            (x).update(from: x + Self.chunkLength, count: Self.contextLength)
            return p
        }
    }

    /// Mirrors the last `contextLength` samples past the end, without repeating the edge:
    /// x[576 + j] = x[574 - j], as PyTorch's and ONNX's reflect padding does.
    private static func reflectionPad(_ x: UnsafeMutablePointer<Float>) {
        let n = contextLength + chunkLength
        for j in 0..<contextLength { x[n + j] = x[n - 2 - j] }
    }

    /// The STFT as one product: the 4 overlapping windows of `x` (each 256 long, 128 apart)
    /// times the 258 filters, then the magnitude of each (cosine, sine) pair. The windows are
    /// copied out first because BLAS refuses a leading dimension shorter than a row.
    private static func stftMagnitude(
        _ x: UnsafePointer<Float>, weights: SileroWeights,
        windows: UnsafeMutablePointer<Float>,  // [frames, fftSize]
        spectrum: UnsafeMutablePointer<Float>,  // [frames, 2 * bins]
        into magnitude: UnsafeMutablePointer<Float>  // [bins, frames]
    ) {
        let b = W.bins
        for t in 0..<frames { (windows + t * W.fftSize).update(from: x + t * W.hop, count: W.fftSize) }
        weights.stft.withPointer { basis in
            matmul(windows, lda: W.fftSize, basis, ldb: W.fftSize, transposeB: true, spectrum, ldc: 2 * b,
                   m: frames, n: 2 * b, k: W.fftSize)
        }
        for t in 0..<frames {
            let row = spectrum + t * 2 * b
            for f in 0..<b { magnitude[f * frames + t] = (row[f] * row[f] + row[b + f] * row[b + f]).squareRoot() }
        }
    }

    /// A kernel-3, padding-1 convolution with ReLU, as im2col and one product:
    /// out[o, t] = relu(bias[o] + sum over c, j of w[o, c, j] * x[c, t * stride + j - 1]).
    /// Returns the output's time length.
    private static func convolution(
        _ x: UnsafePointer<Float>, time: Int,  // [in, time]
        layer: SileroWeights.Convolution,
        columns: UnsafeMutablePointer<Float>,  // [in * 3, outTime]
        into y: UnsafeMutablePointer<Float>  // [out, outTime]
    ) -> Int {
        let outTime = (time + 2 - 3) / layer.stride + 1
        for c in 0..<layer.inChannels {
            for j in 0..<3 {
                let row = columns + (c * 3 + j) * outTime
                for t in 0..<outTime {
                    let s = t * layer.stride + j - 1
                    row[t] = s >= 0 && s < time ? x[c * time + s] : 0
                }
            }
        }
        layer.bias.withPointer { bias in
            for o in 0..<layer.outChannels {
                for t in 0..<outTime { y[o * outTime + t] = bias[o] }
            }
        }
        layer.weight.withPointer { w in
            matmul(w, lda: layer.inChannels * 3, columns, ldb: outTime, transposeB: false, y, ldc: outTime,
                   m: layer.outChannels, n: outTime, k: layer.inChannels * 3, beta: 1)
        }
        for i in 0..<layer.outChannels * outTime { y[i] = max(y[i], 0) }
        return outTime
    }

    /// ReLU, the 1x1 convolution to one logit, sigmoid.
    private static func decoder(_ hidden: UnsafePointer<Float>, weights: SileroWeights) -> Float {
        var logit = weights.outputBias
        weights.output.withPointer { w in
            for i in 0..<W.hiddenSize { logit += w[i] * max(hidden[i], 0) }
        }
        return sigmoid(logit)
    }

    private static func sigmoid(_ x: Float) -> Float { 1 / (1 + exp(-x)) }
}
