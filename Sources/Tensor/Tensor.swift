/// A dense, row-major float32 array with a shape: weights and activations for the
/// inference stages (Whisper now, the MiniLM embedder later). Immutable once built,
/// so weights can be shared across tasks.
public struct Tensor: Sendable {
    /// Dimensions, outermost first: a linear layer's weight is `[n_out, n_in]`.
    public let shape: [Int]
    /// `shape.reduce(1, *)` values, the last dimension contiguous.
    public let data: [Float]

    public init(shape: [Int], data: [Float]) throws {
        let count = shape.reduce(1, *)
        guard count > 0, count == data.count else {
            throw TensorError.invalid("tensor of shape \(shape) needs \(count) values, got \(data.count)")
        }
        self.shape = shape
        self.data = data
    }

    public var count: Int { data.count }

    /// Rows of a matrix seen as `[rows, cols]` (all but the last dimension folded).
    public var rows: Int { shape.count < 2 ? 1 : data.count / cols }
    public var cols: Int { shape.last ?? 1 }

    /// Reads the values through a pointer without copying.
    @inlinable
    public func withPointer<R>(_ body: (UnsafePointer<Float>) throws -> R) rethrows -> R {
        try data.withUnsafeBufferPointer { buffer in
            // init rejects empty tensors, so there is always a base address.
            guard let base = buffer.baseAddress else { preconditionFailure("empty tensor") }
            return try body(base)
        }
    }
}
