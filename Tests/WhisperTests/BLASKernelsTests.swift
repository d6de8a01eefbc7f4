import Testing
@testable import Tensor

/// Which OpenBLAS kernels run. The swap itself happens once per process in `main`, so it is
/// tested through the binary (TranscribeCommandTests); here, the choice.
@Suite struct BLASKernelsTests {
    static let sapphireRapids: Set<String> = [
        "sse4_2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512cd", "avx512bw", "avx512vl", "avx512_fp16",
    ]

    @Test func picksTheWidestKernelsTheCPUCanRun() {
        #expect(BLASKernels.kernels(for: Self.sapphireRapids) == "SkylakeX")
        #expect(BLASKernels.kernels(for: ["avx", "avx2", "fma", "avx512f"]) == "Haswell")  // AVX-512 foundation alone is not enough
        #expect(BLASKernels.kernels(for: ["avx", "avx2"]) == "Sandybridge")  // AVX2 without FMA
        #expect(BLASKernels.kernels(for: ["sse4_2", "ssse3"]) == nil)
        #expect(BLASKernels.kernels(for: []) == nil)
    }

    @Test func keepsTheUsersChoiceAndReplacesOnlyTheFallbacks() {
        let current = BLASKernels.current
        let chosen = BLASKernels.chooseForThisCPU(environment: ["OPENBLAS_CORETYPE": "Haswell"], cpuFlags: Self.sapphireRapids)
        #expect(chosen.running == current)
        #expect(chosen.reason == "OPENBLAS_CORETYPE is set")
        #expect(BLASKernels.isGenericFallback("Prescott"))
        #expect(!BLASKernels.isGenericFallback("SkylakeX"))
    }

    @Test func readsTheFlagsLinuxReports() {
        let flags = BLASKernels.cpuFlagsFromProc()
        #expect(flags.contains("sse2"), "x86-64 always has SSE2; /proc/cpuinfo gave \(flags.count) flags")
    }
}
