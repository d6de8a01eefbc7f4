import Foundation

/// A complex discrete Fourier transform of any size, by recursive mixed-radix
/// decimation in time (Cooley-Tukey with radices 4, 2, 3, 5 and a plain DFT for any
/// other prime factor). Whisper's 400-point frames are 4·4·5·5, so no padding is needed.
/// Twiddles are computed once in double precision; `transform` allocates nothing.
public struct FFT: Sendable {
    public let size: Int
    /// The radix used at each recursion depth, outermost first.
    private let factors: [Int]
    /// `e^{-2πi k / size}` for k in 0..<size.
    private let cosTable: [Double]
    private let sinTable: [Double]

    public init(size: Int) {
        precondition(size > 0, "FFT size must be positive")
        self.size = size
        var factors: [Int] = []
        var n = size
        for p in [4, 2, 3, 5] {
            while n % p == 0 { factors.append(p); n /= p }
        }
        var p = 7
        while n > 1 {
            while n % p == 0 { factors.append(p); n /= p }
            p += 2
        }
        self.factors = factors
        cosTable = (0..<size).map { cos(-2 * Double.pi * Double($0) / Double(size)) }
        sinTable = (0..<size).map { sin(-2 * Double.pi * Double($0) / Double(size)) }
    }

    /// Transforms `size` complex values read with `stride` from `inRe`/`inIm` into
    /// contiguous `outRe`/`outIm`: `X[k] = Σ_j x[j] e^{-2πi jk/size}`.
    public func transform(
        inRe: UnsafePointer<Double>, inIm: UnsafePointer<Double>,
        outRe: UnsafeMutablePointer<Double>, outIm: UnsafeMutablePointer<Double>
    ) {
        recurse(inRe, inIm, stride: 1, n: size, depth: 0, outRe, outIm)
    }

    private func recurse(
        _ xr: UnsafePointer<Double>, _ xi: UnsafePointer<Double>, stride: Int, n: Int, depth: Int,
        _ yr: UnsafeMutablePointer<Double>, _ yi: UnsafeMutablePointer<Double>
    ) {
        if n == 1 {
            yr[0] = xr[0]
            yi[0] = xi[0]
            return
        }
        let p = factors[depth], m = n / p
        // Sub-transform r takes every p-th input starting at r, into output block r.
        for r in 0..<p {
            recurse(xr + r * stride, xi + r * stride, stride: stride * p, n: m, depth: depth + 1,
                    yr + r * m, yi + r * m)
        }
        // Butterflies: X[k + q·m] = Σ_r w^{r(k + q·m)} Y_r[k], with w = e^{-2πi/n}.
        // The twiddle for n is entry `twiddleStep * e` of the table for `size`.
        let twiddleStep = size / n
        // Scratch on the stack: p inputs and p outputs of one butterfly.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * p) { tmp in
            guard let ar = tmp.baseAddress else { return }
            let ai = ar + p, br = ai + p, bi = br + p
            for k in 0..<m {
                for r in 0..<p {
                    ar[r] = yr[r * m + k]
                    ai[r] = yi[r * m + k]
                }
                for q in 0..<p {
                    let kk = k + q * m
                    var sr = 0.0, si = 0.0
                    for r in 0..<p {
                        let t = (r * kk % n) * twiddleStep
                        let c = cosTable[t], s = sinTable[t]
                        sr += ar[r] * c - ai[r] * s
                        si += ar[r] * s + ai[r] * c
                    }
                    br[q] = sr
                    bi[q] = si
                }
                for q in 0..<p {
                    yr[k + q * m] = br[q]
                    yi[k + q * m] = bi[q]
                }
            }
        }
    }
}
