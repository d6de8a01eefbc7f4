import Foundation

/// One LSTM layer as PyTorch computes it (`nn.LSTMCell`, or one layer of `nn.LSTM`):
/// gates = x W_ihᵀ + h W_hhᵀ + b_ih + b_hh in the order input, forget, candidate, output;
/// c = f * c + i * g; h = o * tanh(c). Shared by Silero VAD's single cell and the speaker
/// encoder's three stacked layers; immutable, so one value serves every stream.
public struct LSTMCell: Sendable {
    public let inputSize: Int
    public let hiddenSize: Int
    public let inputWeight: Tensor  // [4 * hidden, input]
    public let hiddenWeight: Tensor  // [4 * hidden, hidden]
    public let bias: Tensor  // [4 * hidden]: bias_ih + bias_hh, summed once here

    /// The four PyTorch tensors of one layer (`weight_ih`, `weight_hh`, `bias_ih`, `bias_hh`).
    public init(inputWeight: Tensor, hiddenWeight: Tensor, inputBias: Tensor, hiddenBias: Tensor) throws {
        guard hiddenWeight.shape.count == 2, hiddenWeight.shape[0] == 4 * hiddenWeight.shape[1] else {
            throw TensorError.invalid("LSTM weight_hh of shape \(hiddenWeight.shape), expected [4 * hidden, hidden]")
        }
        let hidden = hiddenWeight.shape[1]
        guard inputWeight.shape.count == 2, inputWeight.shape[0] == 4 * hidden else {
            throw TensorError.invalid("LSTM weight_ih of shape \(inputWeight.shape), expected [\(4 * hidden), input]")
        }
        guard inputBias.shape == [4 * hidden], hiddenBias.shape == [4 * hidden] else {
            throw TensorError.invalid("LSTM biases of shapes \(inputBias.shape), \(hiddenBias.shape), expected [\(4 * hidden)]")
        }
        inputSize = inputWeight.shape[1]
        hiddenSize = hidden
        self.inputWeight = inputWeight
        self.hiddenWeight = hiddenWeight
        bias = try Tensor(shape: [4 * hidden], data: zip(inputBias.data, hiddenBias.data).map { $0 + $1 })
    }

    /// One time step for `batch` independent rows; `hidden` and `cell` are read, then
    /// overwritten with the new state.
    public func step(
        _ x: UnsafePointer<Float>,  // [batch, input]
        batch: Int = 1,
        gates: UnsafeMutablePointer<Float>,  // [batch, 4 * hidden], scratch
        hidden: UnsafeMutablePointer<Float>,  // [batch, hidden]
        cell: UnsafeMutablePointer<Float>  // [batch, hidden]
    ) {
        let h = hiddenSize
        fillBias(gates, rows: batch)
        inputWeight.withPointer { w in
            matmul(x, lda: inputSize, w, ldb: inputSize, transposeB: true, gates, ldc: 4 * h,
                   m: batch, n: 4 * h, k: inputSize, beta: 1)
        }
        hiddenWeight.withPointer { w in
            matmul(hidden, lda: h, w, ldb: h, transposeB: true, gates, ldc: 4 * h, m: batch, n: 4 * h, k: h, beta: 1)
        }
        activate(gates, batch: batch, hidden: hidden, cell: cell)
    }

    /// A whole sequence from a zero state, time-major. Every input projection is one product up
    /// front; each step then adds only the recurrent one. `outputs[t]` is h after step t.
    public func sequence(
        _ x: UnsafePointer<Float>,  // [steps, batch, input]
        steps: Int, batch: Int,
        gates: UnsafeMutablePointer<Float>,  // [steps, batch, 4 * hidden], scratch
        outputs: UnsafeMutablePointer<Float>,  // [steps, batch, hidden]
        cell: UnsafeMutablePointer<Float>  // [batch, hidden], scratch
    ) {
        let h = hiddenSize
        fillBias(gates, rows: steps * batch)
        inputWeight.withPointer { w in
            matmul(x, lda: inputSize, w, ldb: inputSize, transposeB: true, gates, ldc: 4 * h,
                   m: steps * batch, n: 4 * h, k: inputSize, beta: 1)
        }
        cell.update(repeating: 0, count: batch * h)
        for t in 0..<steps {
            let g = gates + t * batch * 4 * h
            let out = outputs + t * batch * h
            if t > 0 {
                hiddenWeight.withPointer { w in
                    matmul(out - batch * h, lda: h, w, ldb: h, transposeB: true, g, ldc: 4 * h,
                           m: batch, n: 4 * h, k: h, beta: 1)
                }
            }
            activate(g, batch: batch, hidden: out, cell: cell)
        }
    }

    private func fillBias(_ gates: UnsafeMutablePointer<Float>, rows: Int) {
        bias.withPointer { b in
            for r in 0..<rows { (gates + r * 4 * hiddenSize).update(from: b, count: 4 * hiddenSize) }
        }
    }

    private func activate(
        _ gates: UnsafePointer<Float>, batch: Int,
        hidden: UnsafeMutablePointer<Float>, cell: UnsafeMutablePointer<Float>
    ) {
        let h = hiddenSize
        for r in 0..<batch {
            let g = gates + r * 4 * h, hr = hidden + r * h, cr = cell + r * h
            for i in 0..<h {
                let input = Self.sigmoid(g[i]), forget = Self.sigmoid(g[h + i])
                let candidate = tanh(g[2 * h + i]), output = Self.sigmoid(g[3 * h + i])
                cr[i] = forget * cr[i] + input * candidate
                hr[i] = output * tanh(cr[i])
            }
        }
    }

    @inline(__always)
    static func sigmoid(_ x: Float) -> Float { 1 / (1 + exp(-x)) }
}
