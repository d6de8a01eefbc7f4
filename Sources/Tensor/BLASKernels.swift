import CCBLAS
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Which OpenBLAS kernels this process runs.
///
/// Debian's OpenBLAS (0.3.21, built for every x86-64 core) picks its kernels from the
/// CPU's family and model numbers. A processor newer than the library, or a virtual
/// machine that hides its model ("Intel(R) Xeon(R) Processor"), falls through to the
/// Prescott kernels of 2004: plain SSE3, no AVX, and Whisper ran 2.4 times slower on
/// this machine's 2 cores. When the user has not chosen (`OPENBLAS_CORETYPE`) and the
/// library fell back, we choose from the instruction sets the kernel reports instead.
public enum BLASKernels {
    /// What happened, for `--verbose` and the bench.
    public struct Choice: Sendable, Equatable {
        public var detected: String
        public var running: String
        public var reason: String
    }

    /// The kernel family OpenBLAS runs now ("SkylakeX", "Haswell", "Prescott", ...).
    public static var current: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// Call once, first thing in `main`, before any BLAS call on any thread: it swaps
    /// the library's kernel table, which a running product would read half-swapped.
    @discardableResult
    public static func chooseForThisCPU(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        cpuFlags: Set<String> = cpuFlagsFromProc()
    ) -> Choice {
        let detected = current
        if environment["OPENBLAS_CORETYPE"] != nil {
            return Choice(detected: detected, running: detected, reason: "OPENBLAS_CORETYPE is set")
        }
        guard isGenericFallback(detected) else {
            return Choice(detected: detected, running: detected, reason: "detected by OpenBLAS")
        }
        guard let wanted = kernels(for: cpuFlags) else {
            return Choice(detected: detected, running: detected, reason: "no AVX on this CPU")
        }
        // Only DYNAMIC_ARCH builds have a table to swap; look the calls up rather than
        // link them, so a single-target OpenBLAS still runs (with its own kernels).
        guard let quit = symbol("gotoblas_dynamic_quit"), let initialise = symbol("gotoblas_dynamic_init") else {
            return Choice(detected: detected, running: detected, reason: "this OpenBLAS has one kernel set")
        }
        setenv("OPENBLAS_CORETYPE", wanted, 1)
        quit()
        initialise()
        return Choice(detected: detected, running: current, reason: "chosen from the CPU's instruction sets")
    }

    /// The fastest kernel set whose instructions the CPU has, by OpenBLAS's names.
    public static func kernels(for flags: Set<String>) -> String? {
        let avx512 = ["avx512f", "avx512dq", "avx512cd", "avx512bw", "avx512vl"]
        if avx512.allSatisfy(flags.contains) { return "SkylakeX" }
        if flags.contains("avx2") && flags.contains("fma") { return "Haswell" }
        if flags.contains("avx") { return "Sandybridge" }
        return nil
    }

    /// The families OpenBLAS lands on when it does not recognise the CPU.
    static func isGenericFallback(_ name: String) -> Bool {
        ["prescott", "core2", "nehalem", "unknown"].contains(name.lowercased())
    }

    /// The instruction sets the Linux kernel reports (and has enabled) for CPU 0.
    public static func cpuFlagsFromProc() -> Set<String> {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return [] }
        for line in text.split(separator: "\n") where line.hasPrefix("flags") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
        }
        return []
    }

    private typealias VoidCall = @convention(c) () -> Void

    private static func symbol(_ name: String) -> VoidCall? {
        guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
        return unsafeBitCast(address, to: VoidCall.self)
    }
}
