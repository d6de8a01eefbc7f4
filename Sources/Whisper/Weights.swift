import Tensor

/// A float32 weight matrix the model computes with: either converted at load into memory of
/// its own, or a view into the memory-mapped `model.f32` (`MappedWeights`), which keeps the
/// mapping alive for as long as any of its matrices is in use. A decoder weight also keeps
/// its float16 values when the model file holds them exactly so (`half`): a one-row step
/// reads those, half the bytes (`HalfMatrix`). The token embedding, only ever read a row at
/// a time, may keep nothing else (`halfOnly`).
struct Weights: Sendable {
    /// Dimensions, outermost first: a linear layer's weight is `[n_out, n_in]`.
    let shape: [Int]
    let count: Int
    private let storage: Storage
    private let halfStorage: HalfStorage?

    private enum Storage: Sendable {
        case owned([Float])
        case mapped(MappedWeights, offset: Int)
        /// No float32 copy: the values are the float16 ones.
        case halfOnly
    }

    private enum HalfStorage: Sendable {
        case owned([UInt16])
        case mapped(MappedWeights, offset: Int)
    }

    /// `half`, when given, holds the same values as float16 bit patterns (`count` of them).
    init(_ tensor: Tensor, half: [UInt16]? = nil) {
        shape = tensor.shape
        count = tensor.count
        storage = .owned(tensor.data)
        halfStorage = half.flatMap { $0.count == tensor.count ? .owned($0) : nil }
    }

    /// `count` floats at byte `offset` of the mapped file's payload, and as many float16
    /// values at `halfOffset` when the file has them (both checked by the caller).
    init(shape: [Int], count: Int, mapped file: MappedWeights, offset: Int, halfOffset: Int? = nil) {
        self.shape = shape
        self.count = count
        storage = .mapped(file, offset: offset)
        halfStorage = halfOffset.map { .mapped(file, offset: $0) }
    }

    /// `count` float16 values at byte `halfOffset` of the mapped file's payload and no float32
    /// copy (checked by the caller).
    init(shape: [Int], count: Int, mapped file: MappedWeights, halfOnlyAt halfOffset: Int) {
        self.init(shape: shape, count: count, storage: .halfOnly, halfStorage: .mapped(file, offset: halfOffset))
    }

    private init(shape: [Int], count: Int, storage: Storage, halfStorage: HalfStorage?) {
        self.shape = shape
        self.count = count
        self.storage = storage
        self.halfStorage = halfStorage
    }

    /// The same values under another shape with as many elements (a convolution kernel
    /// `[n_out, n_in, 3]` read as the matrix `[n_out, n_in * 3]`).
    func reshaped(_ newShape: [Int]) -> Weights {
        precondition(newShape.reduce(1, *) == count, "reshape changes the element count")
        return Weights(shape: newShape, count: count, storage: storage, halfStorage: halfStorage)
    }

    /// Reads the values through a pointer without copying.
    func withPointer<R>(_ body: (UnsafePointer<Float>) throws -> R) rethrows -> R {
        switch storage {
        case .owned(let values):
            return try Self.withBase(values, body)
        case .mapped(let file, let offset):
            return try body(file.floats(at: offset))
        case .halfOnly:
            // Converted for the caller: only tests and comparisons read such a matrix whole.
            return try Self.withBase(withHalfPointer { h in (0..<count).map { HalfFloat.table[Int(h[$0])] } } ?? [], body)
        }
    }

    /// Row `row` of a `[rows, columns]` matrix, as float32, into `out` (a token's embedding).
    func copyRow(_ row: Int, into out: UnsafeMutablePointer<Float>) {
        let columns = shape[1]
        if case .halfOnly = storage {
            _ = withHalfPointer { h in
                for j in 0..<columns { out[j] = HalfFloat.table[Int(h[row * columns + j])] }
            }
        } else {
            withPointer { out.update(from: $0 + row * columns, count: columns) }
        }
    }

    /// Whether a float16 copy is kept.
    var hasHalf: Bool { halfStorage != nil }

    /// Reads the float16 values through a pointer; nil when none are kept.
    func withHalfPointer<R>(_ body: (UnsafePointer<UInt16>) throws -> R) rethrows -> R? {
        switch halfStorage {
        case nil:
            return nil
        case .owned(let values):
            return try Self.withBase(values, body)
        case .mapped(let file, let offset):
            return try body(file.halves(at: offset))
        }
    }

    /// The first element's address; tensors are never empty, so there always is one.
    private static func withBase<T, R>(_ values: [T], _ body: (UnsafePointer<T>) throws -> R) rethrows -> R {
        try values.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { preconditionFailure("empty weights") }
            return try body(base)
        }
    }

    /// A copy of the values, for tests and comparisons.
    var data: [Float] {
        withPointer { Array(UnsafeBufferPointer(start: $0, count: count)) }
    }
}

/// A linear layer on `rows` inputs: `y[rows, n_out] = x[rows, n_in] · Wᵀ + bias`, as
/// `Tensor.linear` computes it, with the weight possibly mapped from the model file. One row
/// with a float16 copy at hand (a decoder step) reads that copy.
func linear(_ x: UnsafePointer<Float>, rows: Int, weight: Weights, bias: Tensor?, into y: UnsafeMutablePointer<Float>) {
    if rows == 1, HalfMatrix.isAvailable, weight.hasHalf {
        let nOut = weight.shape[0], nIn = weight.shape[1]
        let biased = layBias(bias, rows: 1, outputs: nOut, into: y)
        _ = weight.withHalfPointer { w in
            HalfMatrix.multiply(w, rows: nOut, columns: nIn, x, into: y, accumulate: biased)
        }
        return
    }
    weight.withPointer { w in
        linear(x, rows: rows, weight: w, outputs: weight.shape[0], inputs: weight.shape[1], bias: bias, into: y)
    }
}
