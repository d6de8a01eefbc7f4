import CCBLAS

/// The only calls into BLAS. Every matrix here is row-major; a leading dimension
/// (`lda`, `ldb`, `ldc`) is the distance in floats between two rows, which lets callers
/// multiply views such as one attention head inside a `[n_ctx, 3 * n_state]` buffer.
public enum BLAS {
    /// OpenBLAS runs its own worker threads; inference sets their number once per session.
    public static func setThreads(_ count: Int) {
        openblas_set_num_threads(Int32(max(1, count)))
    }

    public static var threads: Int { Int(openblas_get_num_threads()) }
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
        // copy cost more than the product.
        if transposeB {
            cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(n), Int32(k), alpha, b, Int32(ldb), a, 1, beta, c, 1)
        } else {
            cblas_sgemv(CblasRowMajor, CblasTrans, Int32(k), Int32(n), alpha, b, Int32(ldb), a, 1, beta, c, 1)
        }
        return
    }
    cblas_sgemm(
        CblasRowMajor, CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
        Int32(m), Int32(n), Int32(k),
        alpha, a, Int32(lda), b, Int32(ldb),
        beta, c, Int32(ldc))
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
/// say): the one place the bias is laid down and the product taken.
@inlinable
public func linear(
    _ x: UnsafePointer<Float>, rows: Int,
    weight w: UnsafePointer<Float>, outputs nOut: Int, inputs nIn: Int, bias: Tensor?,
    into y: UnsafeMutablePointer<Float>
) {
    if let bias {
        bias.withPointer { b in
            for r in 0..<rows { (y + r * nOut).update(from: b, count: nOut) }
        }
    }
    matmul(x, lda: nIn, w, ldb: nIn, transposeB: true, y, ldc: nOut,
           m: rows, n: nOut, k: nIn, beta: bias == nil ? 0 : 1)
}
