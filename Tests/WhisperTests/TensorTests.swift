import Foundation
import Testing
@testable import Tensor

/// The numeric kernels Whisper (and later the embedder) is built on, against plain loops.
@Suite struct TensorTests {
    @Test(arguments: [400, 21, 16, 14, 1])
    func fftMatchesADirectDFT(size: Int) {
        var rng = SystemRandomNumberGenerator()
        let re = (0..<size).map { _ in Double.random(in: -1...1, using: &rng) }
        let im = (0..<size).map { _ in Double.random(in: -1...1, using: &rng) }
        var outRe = [Double](repeating: 0, count: size), outIm = outRe
        FFT(size: size).transform(inRe: re, inIm: im, outRe: &outRe, outIm: &outIm)
        var maxError = 0.0
        for k in 0..<size {
            var sr = 0.0, si = 0.0
            for j in 0..<size {
                let angle = -2 * Double.pi * Double(j * k) / Double(size)
                sr += re[j] * cos(angle) - im[j] * sin(angle)
                si += re[j] * sin(angle) + im[j] * cos(angle)
            }
            maxError = max(maxError, abs(sr - outRe[k]), abs(si - outIm[k]))
        }
        #expect(maxError < 1e-9, "size \(size): \(maxError)")
    }

    @Test(arguments: [1, 5])
    func linearMatchesLoops(rows: Int) throws {
        let nIn = 7, nOut = 3
        let x = (0..<(rows * nIn)).map { Float($0 % 5) - 2 }
        let w = try Tensor(shape: [nOut, nIn], data: (0..<(nOut * nIn)).map { Float($0 % 3) * 0.5 })
        let b = try Tensor(shape: [nOut], data: [1, -1, 0.5])
        var y = [Float](repeating: 99, count: rows * nOut)
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { linear(xp.baseAddress!, rows: rows, weight: w, bias: b, into: $0.baseAddress!) }
        }
        for r in 0..<rows {
            for o in 0..<nOut {
                var expected = b.data[o]
                for i in 0..<nIn { expected += x[r * nIn + i] * w.data[o * nIn + i] }
                #expect(abs(y[r * nOut + o] - expected) < 1e-5)
            }
        }
    }

    @Test func softmaxHandlesMaskedEntries() {
        var x: [Float] = [1, 2, 3, -.infinity, 0, 0, 0, 0, 0, 5, -.infinity]
        x.withUnsafeMutableBufferPointer { VectorOps.softmax($0.baseAddress!, rows: 1, cols: $0.count) }
        #expect(x[3] == 0 && x[10] == 0)
        #expect(abs(x.reduce(0, +) - 1) < 1e-6)
        let expected = expf(5) / ([1, 2, 3, 0, 0, 0, 0, 0, 5] as [Float]).map { expf($0) }.reduce(0, +)
        #expect(abs(x[9] - expected) < 1e-6)
    }

    @Test func simdExpAndGeluStayCloseToLibm() {
        var maxExpError: Float = 0, maxGeluError: Float = 0
        var values = stride(from: Float(-20), to: 20, by: 0.037).map { $0 }
        for chunk in stride(from: 0, to: values.count - 8, by: 8) {
            let v = SIMD8<Float>(values[chunk..<(chunk + 8)])
            let e = VectorOps.exp(v)
            for i in 0..<8 { maxExpError = max(maxExpError, abs(e[i] - expf(v[i])) / expf(v[i])) }
        }
        let reference = values.map { 0.5 * $0 * (1 + erff($0 / 2.0.squareRoot().float)) }
        values.withUnsafeMutableBufferPointer { VectorOps.gelu($0.baseAddress!, count: $0.count) }
        for (a, b) in zip(values, reference) { maxGeluError = max(maxGeluError, abs(a - b)) }
        #expect(maxExpError < 1e-6, "exp relative error \(maxExpError)")
        #expect(maxGeluError < 1e-5, "gelu error \(maxGeluError)")
        #expect(VectorOps.exp(SIMD8(repeating: -.infinity)) == SIMD8(repeating: 0))
    }

    @Test func tensorRejectsAMismatchedShape() {
        #expect(throws: TensorError.self) { try Tensor(shape: [2, 3], data: [1, 2]) }
    }
}

private extension Double {
    var float: Float { Float(self) }
}
