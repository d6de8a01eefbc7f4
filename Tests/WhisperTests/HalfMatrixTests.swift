import Foundation
import Testing
import TestSupport
@testable import Tensor
@testable import Whisper

/// The float16 matrix-vector kernel a decoder step reads its weights with, against float64
/// loops over the same values, and the model keeping those values where a step reads them.
@Suite struct HalfMatrixTests {
    @Test func theMachineRunsTheKernel() {
        // Every x86-64 CPU since 2013 has F16C; on one without it the decoder keeps to float32
        // BLAS and this figure (in `make bench`) would not apply.
        #expect(HalfMatrix.isAvailable, "this CPU lacks AVX, FMA or F16C")
    }

    /// Sizes with and without a whole 16-column block, and one row of the output projection's
    /// width, over values float16 holds exactly: the kernel's sum is the exact one within
    /// float32 rounding, bias added when accumulating.
    @Test(arguments: [(3, 7), (5, 16), (4, 35), (2, 384), (1, 1536)])
    func productMatchesLoops(rows: Int, columns: Int) {
        var random = SeededRandom(seed: UInt64(rows * 1000 + columns))
        let w = (0..<(rows * columns)).map { _ in Float16(Float.random(in: -2...2, using: &random)) }
        let x = (0..<columns).map { _ in Float.random(in: -1...1, using: &random) }
        let bias = (0..<rows).map { Float($0) - 0.5 }
        var plain = [Float](repeating: 99, count: rows), accumulated = bias
        w.map(\.bitPattern).withUnsafeBufferPointer { wp in
            x.withUnsafeBufferPointer { xp in
                HalfMatrix.multiply(wp.baseAddress!, rows: rows, columns: columns, xp.baseAddress!, into: &plain)
                HalfMatrix.multiply(wp.baseAddress!, rows: rows, columns: columns, xp.baseAddress!, into: &accumulated,
                                    accumulate: true)
            }
        }
        for j in 0..<rows {
            var exact = 0.0, magnitude = 0.0
            for i in 0..<columns {
                exact += Double(w[j * columns + i]) * Double(x[i])
                magnitude += abs(Double(w[j * columns + i]) * Double(x[i]))
            }
            let tolerance = magnitude * Double(columns) * Double(Float.ulpOfOne)
            #expect(abs(Double(plain[j]) - exact) <= tolerance, "row \(j): \(plain[j]) against \(exact)")
            #expect(abs(Double(accumulated[j]) - (exact + Double(bias[j]))) <= tolerance + 1e-6, "row \(j) with bias")
        }
    }

    /// tiny.en ships float16: its decoder weights keep those values for one-row steps, the
    /// encoder's (many rows at once) do not, and the token embedding, a row at a time, is read
    /// from them alone once mapped. Every kept value is the float32 one exactly.
    @Test func theDecoderKeepsItsFloat16Values() throws {
        let dir = try MappedWeightsTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let converted = try WhisperModel.load(directory: dir)
        let mapped = try WhisperModel.load(directory: dir)
        for model in [converted, mapped] {
            #expect(model.decoderLayers.allSatisfy { $0.fc1.weight.hasHalf && $0.attnQKV.weight.hasHalf })
            #expect(!model.decoderLayers[0].crossKV.weight.hasHalf, "applied to the audio's 1,500 rows")
            #expect(!model.encoderLayers[0].fc1.weight.hasHalf)
            #expect(model.tokenEmbedding.hasHalf)
        }
        let fc2 = mapped.decoderLayers[2].fc2.weight
        let halves = fc2.withHalfPointer { h in (0..<fc2.count).map { Float(Float16(bitPattern: h[$0])) } }
        #expect(halves == fc2.data)
        #expect(mapped.tokenEmbedding.data == converted.tokenEmbedding.data)
        var row = [Float](repeating: 0, count: 384)
        mapped.tokenEmbedding.copyRow(50256, into: &row)
        #expect(row == Array(converted.tokenEmbedding.data[(50256 * 384)..<(50257 * 384)]))
    }
}
