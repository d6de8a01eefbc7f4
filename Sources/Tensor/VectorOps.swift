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

    /// GELU with the error function, as Whisper and BERT were trained:
    /// `0.5 x (1 + erf(x / √2))`. Eight lanes at a time with Abramowitz & Stegun's
    /// 7.1.26 erf (absolute error below 1.5e-7, under float32's own rounding here).
    @inlinable
    public static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let vectorEnd = count & ~7
        var i = 0
        while i < vectorEnd {
            let v = SIMD8<Float>(UnsafeBufferPointer(start: x + i, count: 8))
            let y = 0.5 * v * (1 + erf(v * 0.70710678118654752))
            UnsafeMutableRawPointer(x + i).storeBytes(of: y, as: SIMD8<Float>.self)
            i += 8
        }
        while i < count {
            let v = x[i]
            x[i] = 0.5 * v * (1 + erff(v * 0.70710678118654752))
            i += 1
        }
    }

    /// erf in eight lanes (Abramowitz & Stegun 7.1.26), odd-symmetric.
    @inlinable
    public static func erf(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let zero = SIMD8<Float>(repeating: 0)
        let a = x.replacing(with: -x, where: x .< zero)
        let t = 1 / (1 + 0.3275911 * a)
        var p = SIMD8<Float>(repeating: 1.061405429)
        p = p * t - 1.453152027
        p = p * t + 1.421413741
        p = p * t - 0.284496736
        p = p * t + 0.254829592
        let y = 1 - p * t * exp(-(a * a))
        return y.replacing(with: -y, where: x .< zero)
    }

    /// log Σ e^{x_i}, stably (the maximum factored out), eight lanes at a time.
    @inlinable
    public static func logSumExp(_ x: UnsafePointer<Float>, count: Int) -> Float {
        var maxValue = -Float.infinity
        for i in 0..<count where x[i] > maxValue { maxValue = x[i] }
        if maxValue == -.infinity { return maxValue }
        let vectorEnd = count & ~7
        var sums = SIMD8<Float>(repeating: 0)
        var i = 0
        while i < vectorEnd {
            sums += exp(SIMD8<Float>(UnsafeBufferPointer(start: x + i, count: 8)) - maxValue)
            i += 8
        }
        var sum = sums.sum()
        while i < count { sum += expf(x[i] - maxValue); i += 1 }
        return maxValue + logf(sum)
    }

    /// Softmax of each row, subtracting the row's maximum first so exp cannot overflow.
    /// Entries equal to -infinity come out as exactly 0. Eight lanes at a time: in the
    /// encoder this runs over 54 M attention scores per 30 s window.
    @inlinable
    public static func softmax(_ x: UnsafeMutablePointer<Float>, rows: Int, cols: Int, stride: Int? = nil) {
        let ld = stride ?? cols
        let vectorEnd = cols & ~7
        for r in 0..<rows {
            let row = x + r * ld
            var maxValue = -Float.infinity
            for i in 0..<cols where row[i] > maxValue { maxValue = row[i] }
            var sums = SIMD8<Float>(repeating: 0)
            var i = 0
            while i < vectorEnd {
                let e = exp(SIMD8<Float>(UnsafeBufferPointer(start: row + i, count: 8)) - maxValue)
                UnsafeMutableRawPointer(row + i).storeBytes(of: e, as: SIMD8<Float>.self)
                sums += e
                i += 8
            }
            var sum = sums.sum()
            while i < cols { let e = expf(row[i] - maxValue); row[i] = e; sum += e; i += 1 }
            let inv = 1 / sum
            for j in 0..<cols { row[j] *= inv }
        }
    }

    /// e^x in eight lanes (Cephes' expf: range reduction by ln 2, a degree-6
    /// polynomial, then scaling by 2^n through the exponent bits), within 2 ulp of expf.
    /// Inputs below -87.3 (including -infinity) give exactly 0.
    @inlinable
    public static func exp(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let low = SIMD8<Float>(repeating: -87.3), high = SIMD8<Float>(repeating: 88.3)
        let clamped = x.replacing(with: low, where: x .< low).replacing(with: high, where: x .> high)
        // Adding 1.5 * 2^23 rounds to an integer (ties to even) and leaves it in the
        // low mantissa bits, which avoids the slow generic float-to-int conversion.
        let magic = SIMD8<Float>(repeating: 12_582_912)
        let shifted = clamped * 1.44269504088896341 + magic
        let n = shifted - magic
        var r = clamped - n * 0.693359375
        r = r - n * -2.12194440e-4
        var p = SIMD8<Float>(repeating: 1.9875691500e-4)
        p = p * r + 1.3981999507e-3
        p = p * r + 8.3334519073e-3
        p = p * r + 4.1665795894e-2
        p = p * r + 1.6666665459e-1
        p = p * r + 5.0000001201e-1
        let y = p * (r * r) + r + 1
        let bits = (unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000 &+ 127) &<< 23
        let scaled = y * unsafeBitCast(bits, to: SIMD8<Float>.self)
        return scaled.replacing(with: 0, where: x .< low)
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
