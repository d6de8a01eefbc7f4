import Foundation

/// The element-wise and per-row operations a transformer needs besides matmul.
/// They work in place on contiguous row-major buffers `[rows, cols]`.
public enum VectorOps {
    /// Layer normalisation of each row: `(x - mean) / sqrt(var + eps) * gamma + beta`.
    @inlinable
    public static func layerNorm(
        _ x: UnsafePointer<Float>, rows: Int, cols: Int,
        gamma: Tensor, beta: Tensor, eps: Float = 1e-5,
        into y: UnsafeMutablePointer<Float>
    ) {
        gamma.withPointer { g in
            beta.withPointer { b in
                for r in 0..<rows {
                    let xr = x + r * cols, yr = y + r * cols
                    var mean: Float = 0
                    for i in 0..<cols { mean += xr[i] }
                    mean /= Float(cols)
                    var variance: Float = 0
                    for i in 0..<cols { let d = xr[i] - mean; variance += d * d }
                    variance /= Float(cols)
                    let inv = 1 / (variance + eps).squareRoot()
                    for i in 0..<cols { yr[i] = (xr[i] - mean) * inv * g[i] + b[i] }
                }
            }
        }
    }

    /// GELU with the exact error function, as Whisper and BERT were trained.
    @inlinable
    public static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count {
            let v = x[i]
            x[i] = 0.5 * v * (1 + erff(v * 0.70710678118654752))
        }
    }

    /// Softmax of each row, subtracting the row's maximum first so exp cannot overflow.
    /// Entries equal to -infinity come out as exactly 0.
    @inlinable
    public static func softmax(_ x: UnsafeMutablePointer<Float>, rows: Int, cols: Int, stride: Int? = nil) {
        let ld = stride ?? cols
        for r in 0..<rows {
            let row = x + r * ld
            var maxValue = -Float.infinity
            for i in 0..<cols where row[i] > maxValue { maxValue = row[i] }
            var sum: Float = 0
            for i in 0..<cols { let e = expf(row[i] - maxValue); row[i] = e; sum += e }
            let inv = 1 / sum
            for i in 0..<cols { row[i] *= inv }
        }
    }

    /// Adds a bias `[cols]` to every row.
    @inlinable
    public static func addBias(_ x: UnsafeMutablePointer<Float>, rows: Int, bias: Tensor) {
        let cols = bias.count
        bias.withPointer { b in
            for r in 0..<rows {
                let row = x + r * cols
                for i in 0..<cols { row[i] += b[i] }
            }
        }
    }

    /// `y += x`, the residual connection.
    @inlinable
    public static func add(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count { y[i] += x[i] }
    }
}
