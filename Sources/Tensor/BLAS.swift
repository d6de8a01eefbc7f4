import CCBLAS
import CThreadCount

/// The only calls into BLAS. Every matrix here is row-major; a leading dimension
/// (`lda`, `ldb`, `ldc`) is the distance in floats between two rows, which lets callers
/// multiply views such as one attention head inside a `[n_ctx, 3 * n_state]` buffer.
///
/// OpenBLAS runs on the calling thread only; a large product is cut into row blocks run on
/// MockPilot's own threads (`Parallel`), the same threads as the element-wise work between
/// products. OpenBLAS's idle workers would spin against those threads (see CThreadCount).
public enum BLAS {
    /// The threads numeric work is spread over; inference sets it once per session.
    public static func setThreads(_ count: Int) {
        mockpilot_set_thread_count(Int32(clamping: max(1, count)))
    }

    public static var threads: Int { Int(mockpilot_thread_count()) }

    /// Rows a block of a product gets at least: fewer, and the split costs more than it saves.
    @usableFromInline static let rowsPerBlock = 32
    /// A one-row product is split over the threads from this many weights: a decoder step's
    /// cross-attention (a head's 1500 keys of 64), which OpenBLAS threaded when it had threads,
    /// and a float32 output projection where float16 is not available (51,864 × 384).
    @usableFromInline static let splitVectorProduct = 1 << 16
}

/// `C[m, n] = alpha * A[m, k] · B + beta * C`, where B is `[k, n]`, or `[n, k]` read
/// transposed when `transposeB` (the layout of a linear layer's `[n_out, n_in]` weight).
/// `beta = 1` accumulates into C.
@inlinable
public func matmul(
    _ a: UnsafePointer<Float>, lda: Int,
    _ b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
    _ c: UnsafeMutablePointer<Float>, ldc: Int,
    m: Int, n: Int, k: Int, alpha: Float = 1, beta: Float = 0
) {
    precondition(m >= 0 && n >= 0 && k >= 0, "negative matmul size")
    if m == 0 || n == 0 { return }
    if m == 1 {
        // One row (a decoder step): sgemv reads B in place, where sgemm would first
        // copy all of B into packed panels — for the 51864-row output projection that
        // copy cost more than the product. Only a large one is split, by output columns.
        Parallel.ranges(n, minimum: n * k >= BLAS.splitVectorProduct ? 1 : n) { columns in
            let count = Int32(columns.count), start = columns.lowerBound
            if transposeB {
                cblas_sgemv(CblasRowMajor, CblasNoTrans, count, Int32(k), alpha, b + start * ldb, Int32(ldb),
                            a, 1, beta, c + start, 1)
            } else {
                cblas_sgemv(CblasRowMajor, CblasTrans, Int32(k), count, alpha, b + start, Int32(ldb),
                            a, 1, beta, c + start, 1)
            }
        }
        return
    }
    // Row blocks of C are independent. OpenBLAS's own blocking of a block's rows differs from
    // that of the whole, so an output may differ in its last bit from one call (as it did when
    // OpenBLAS split the rows over its own threads).
    Parallel.ranges(m, minimum: BLAS.rowsPerBlock) { rows in
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(rows.count), Int32(n), Int32(k),
            alpha, a + rows.lowerBound * lda, Int32(lda), b, Int32(ldb),
            beta, c + rows.lowerBound * ldc, Int32(ldc))
    }
}

/// A linear layer on `rows` inputs: `y[rows, n_out] = x[rows, n_in] · Wᵀ + bias`, with
/// the weight `[n_out, n_in]` and an optional bias `[n_out]`. Contiguous buffers.
@inlinable
public func linear(
    _ x: UnsafePointer<Float>, rows: Int,
    weight: Tensor, bias: Tensor?,
    into y: UnsafeMutablePointer<Float>
) {
    weight.withPointer { w in
        linear(x, rows: rows, weight: w, outputs: weight.shape[0], inputs: weight.shape[1], bias: bias, into: y)
    }
}

/// The same layer with the weight `[outputs, inputs]` given as memory of its own (a mapped file,
/// say).
@inlinable
public func linear(
    _ x: UnsafePointer<Float>, rows: Int,
    weight w: UnsafePointer<Float>, outputs nOut: Int, inputs nIn: Int, bias: Tensor?,
    into y: UnsafeMutablePointer<Float>
) {
    let biased = layBias(bias, rows: rows, outputs: nOut, into: y)
    matmul(x, lda: nIn, w, ldb: nIn, transposeB: true, y, ldc: nOut,
           m: rows, n: nOut, k: nIn, beta: biased ? 1 : 0)
}

/// Sets each of `rows` rows of `y` (`[rows, outputs]`) to the bias, for a product that adds onto
/// them; whether there was one (without, `y` is left as it is and the product overwrites it).
@inlinable
public func layBias(_ bias: Tensor?, rows: Int, outputs nOut: Int, into y: UnsafeMutablePointer<Float>) -> Bool {
    guard let bias else { return false }
    bias.withPointer { b in
        for r in 0..<rows { (y + r * nOut).update(from: b, count: nOut) }
    }
    return true
}
