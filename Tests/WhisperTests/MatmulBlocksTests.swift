import CCBLAS
import Testing
import TestSupport
@testable import Tensor

/// Matrix products are cut into row blocks (and a large one-row product into column blocks) run
/// on MockPilot's own threads, with OpenBLAS left one thread. Every block must land where it
/// belongs: at 1, 2 and 3 threads each output is the exact sum within float32 rounding, and the
/// accumulated C (`beta = 1`) keeps what was there.
@Suite struct MatmulBlocksTests {
    /// The encoder's projections and attention, a prompt's rows, and a float32 output projection.
    @Test(arguments: [(1500, 384, 384, true), (1500, 1500, 64, true), (1500, 64, 1500, false), (37, 1536, 384, true),
                      (1, 51_864, 384, true), (1, 1500, 64, true), (1, 384, 1536, false)])
    func everyBlockIsTheExactProduct(m: Int, n: Int, k: Int, transposeB: Bool) {
        var random = SeededRandom(seed: UInt64(m * 7 + n * 3 + k))
        let a = (0..<(m * k)).map { _ in Float.random(in: -1...1, using: &random) }
        let b = (0..<(n * k)).map { _ in Float.random(in: -1...1, using: &random) }
        let saved = BLAS.threads
        defer { BLAS.setThreads(saved) }
        // C = 0.125 · A · B + C, C starting at its row number; B is [n, k] read transposed or [k, n].
        func bAt(_ row: Int, _ col: Int) -> Float { transposeB ? b[col * k + row] : b[row * n + col] }
        for threads in [1, 2, 3] {
            BLAS.setThreads(threads)
            var c = (0..<(m * n)).map { Float($0 / n) }
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    c.withUnsafeMutableBufferPointer { cp in
                        guard let ap = ap.baseAddress, let bp = bp.baseAddress, let cp = cp.baseAddress else { return }
                        matmul(ap, lda: k, bp, ldb: transposeB ? k : n, transposeB: transposeB, cp, ldc: n,
                               m: m, n: n, k: k, alpha: 0.125, beta: 1)
                    }
                }
            }
            var wrong = 0
            // Every row of a small product; rows across the block edges of a large one.
            for i in stride(from: 0, to: m, by: m > 64 ? 7 : 1) {
                for j in stride(from: 0, to: n, by: n > 4096 ? 13 : 1) {
                    var exact = Double(i), magnitude = Double(i)
                    for l in 0..<k {
                        let term = 0.125 * Double(a[i * k + l]) * Double(bAt(l, j))
                        exact += term
                        magnitude += abs(term)
                    }
                    if abs(Double(c[i * n + j]) - exact) > magnitude * Double(k) * Double(Float.ulpOfOne) { wrong += 1 }
                }
            }
            #expect(wrong == 0, "\(wrong) outputs off at \(threads) threads")
        }
    }

    @Test func openBLASItselfRunsOnTheCallingThread() {
        #expect(BLAS.threads >= 1)
        #expect(openblas_get_num_threads() == 1, "OpenBLAS's own workers would spin against MockPilot's threads")
    }
}
