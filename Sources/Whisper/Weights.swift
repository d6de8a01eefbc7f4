import Tensor

/// A float32 weight matrix the model computes with: either converted at load into memory of
/// its own, or a view into the memory-mapped `model.f32` (`MappedWeights`), which keeps the
/// mapping alive for as long as any of its matrices is in use.
struct Weights: Sendable {
    /// Dimensions, outermost first: a linear layer's weight is `[n_out, n_in]`.
    let shape: [Int]
    let count: Int
    private let storage: Storage

    private enum Storage: Sendable {
        case owned([Float])
        case mapped(MappedWeights, offset: Int)
    }

    init(_ tensor: Tensor) {
        shape = tensor.shape
        count = tensor.count
        storage = .owned(tensor.data)
    }

    /// `count` floats at byte `offset` of the mapped file's payload (checked by the caller).
    init(shape: [Int], count: Int, mapped file: MappedWeights, offset: Int) {
        self.shape = shape
        self.count = count
        storage = .mapped(file, offset: offset)
    }

    private init(shape: [Int], count: Int, storage: Storage) {
        self.shape = shape
        self.count = count
        self.storage = storage
    }

    /// The same values under another shape with as many elements (a convolution kernel
    /// `[n_out, n_in, 3]` read as the matrix `[n_out, n_in * 3]`).
    func reshaped(_ newShape: [Int]) -> Weights {
        precondition(newShape.reduce(1, *) == count, "reshape changes the element count")
        return Weights(shape: newShape, count: count, storage: storage)
    }

    /// Reads the values through a pointer without copying.
    func withPointer<R>(_ body: (UnsafePointer<Float>) throws -> R) rethrows -> R {
        switch storage {
        case .owned(let values):
            return try values.withUnsafeBufferPointer { buffer in
                // Tensors are never empty, so there is always a base address.
                guard let base = buffer.baseAddress else { preconditionFailure("empty weights") }
                return try body(base)
            }
        case .mapped(let file, let offset):
            return try body(file.floats(at: offset))
        }
    }

    /// A copy of the values, for tests and comparisons.
    var data: [Float] {
        withPointer { Array(UnsafeBufferPointer(start: $0, count: count)) }
    }
}

/// A linear layer on `rows` inputs: `y[rows, n_out] = x[rows, n_in] · Wᵀ + bias`, as
/// `Tensor.linear` computes it, with the weight possibly mapped from the model file.
func linear(_ x: UnsafePointer<Float>, rows: Int, weight: Weights, bias: Tensor?, into y: UnsafeMutablePointer<Float>) {
    weight.withPointer { w in
        linear(x, rows: rows, weight: w, outputs: weight.shape[0], inputs: weight.shape[1], bias: bias, into: y)
    }
}
