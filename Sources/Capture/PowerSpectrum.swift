import Foundation

/// Power spectrum of one windowed frame by an in-place radix-2 FFT. All buffers are made once
/// in `init`, so analysing a frame allocates nothing; VAD runs this 33 times a second for hours.
struct PowerSpectrum: Sendable {
    let size: Int              // FFT length, a power of two >= the frame
    private let window: [Float]     // [frameLength] Hann
    private let cosTable: [Float]   // [size / 2]
    private let sinTable: [Float]   // [size / 2]
    private let bitReversed: [Int]  // [size]
    private var re: [Float]         // [size]
    private var im: [Float]         // [size]
    /// |X[k]|^2 for k in 0...size/2, valid after `analyse`.
    private(set) var power: [Float] // [size / 2 + 1]

    init(frameLength: Int) {
        var n = 1
        while n < frameLength { n <<= 1 }
        size = n
        window = (0..<frameLength).map { Float(0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(frameLength))) }
        cosTable = (0..<n / 2).map { Float(cos(-2 * Double.pi * Double($0) / Double(n))) }
        sinTable = (0..<n / 2).map { Float(sin(-2 * Double.pi * Double($0) / Double(n))) }
        let bits = n.trailingZeroBitCount
        bitReversed = (0..<n).map { i in
            var r = 0
            for b in 0..<bits where i & (1 << b) != 0 { r |= 1 << (bits - 1 - b) }
            return r
        }
        re = [Float](repeating: 0, count: n)
        im = [Float](repeating: 0, count: n)
        power = [Float](repeating: 0, count: n / 2 + 1)
    }

    /// Windows `frame` (zero-padded to `size`) and fills `power`.
    mutating func analyse(_ frame: UnsafeBufferPointer<Float>) {
        let n = size
        for i in 0..<n {
            let j = bitReversed[i]
            re[j] = i < frame.count && i < window.count ? frame[i] * window[i] : 0
            im[j] = 0
        }
        var half = 1
        while half < n {
            let step = n / (half * 2)
            var start = 0
            while start < n {
                for k in 0..<half {
                    let wr = cosTable[k * step], wi = sinTable[k * step]
                    let a = start + k, b = a + half
                    let tr = re[b] * wr - im[b] * wi
                    let ti = re[b] * wi + im[b] * wr
                    re[b] = re[a] - tr
                    im[b] = im[a] - ti
                    re[a] += tr
                    im[a] += ti
                }
                start += half * 2
            }
            half *= 2
        }
        for k in 0...n / 2 { power[k] = re[k] * re[k] + im[k] * im[k] }
    }
}
