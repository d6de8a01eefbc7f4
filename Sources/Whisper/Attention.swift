import Tensor

/// Scaled dot-product attention over all heads, reading queries, keys and values as
/// strided views so fused projections (`[n, 3d]`, `[n, 2d]`) need no copies:
/// `out_h = softmax(Q_h K_hᵀ / √d_head + mask) V_h` for each head h.
enum Attention {
    /// - Parameters:
    ///   - q: `[nq, ·]` rows `ldq` apart, head h at columns `h * headDim`.
    ///   - k, v: `[nk, ·]` rows `ldk` / `ldv` apart.
    ///   - causalOffset: when set, query i sits at position `causalOffset + i` and sees
    ///     only keys at positions up to its own.
    ///   - scores: scratch `[nq, nk]`.
    ///   - out: `[nq, heads * headDim]`, contiguous.
    static func multiHead(
        q: UnsafePointer<Float>, ldq: Int,
        k: UnsafePointer<Float>, ldk: Int,
        v: UnsafePointer<Float>, ldv: Int,
        nq: Int, nk: Int, heads: Int, headDim: Int, causalOffset: Int?,
        scores: UnsafeMutablePointer<Float>, out: UnsafeMutablePointer<Float>
    ) {
        let scale = 1 / Float(headDim).squareRoot()
        let nState = heads * headDim
        for head in 0..<heads {
            let col = head * headDim
            // [nq, nk] = Q_h · K_hᵀ / √d_head
            matmul(q + col, lda: ldq, k + col, ldb: ldk, transposeB: true, scores, ldc: nk,
                   m: nq, n: nk, k: headDim, alpha: scale)
            if let offset = causalOffset {
                for i in 0..<nq {
                    let visible = offset + i + 1
                    if visible < nk {
                        for j in visible..<nk { scores[i * nk + j] = -.infinity }
                    }
                }
            }
            Parallel.ranges(nq, minimum: 128) { rows in
                VectorOps.softmax(scores + rows.lowerBound * nk, rows: rows.count, cols: nk)
            }
            // [nq, d_head] = P · V_h, written into this head's columns of out.
            matmul(scores, lda: nk, v + col, ldb: ldv, transposeB: false, out + col, ldc: nState,
                   m: nq, n: headDim, k: nk)
        }
    }
}
