import Foundation
import TestSupport
import Testing

/// Real files made at test time with real tools (sox, opusenc, espeak-ng), in a temp folder.
struct Fixtures {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("capture-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: dir) }

    /// Runs a tool found on PATH, and throws (failing the test) if it exits non-zero.
    static func run(_ tool: String, _ args: [String]) throws {
        try Program.run("/usr/bin/env", [tool] + args)
    }

    /// `sox -n <format args> out synth <seconds> <synth args>`
    func synth(_ name: String, format: [String], seconds: Double, _ synth: [String]) throws -> String {
        let out = path(name)
        // -R: the same noise every run, so a result can be reproduced.
        try Self.run("sox", ["-R", "-n"] + format + [out, "synth", String(seconds)] + synth)
        return out
    }
}

/// Signal measurements used to check what the decoder produced.
enum Signal {
    /// Frequency from positive-going zero crossings, ignoring the first and last 10%.
    static func frequency(_ x: [Float], rate: Int) -> Double {
        let lo = x.count / 10, hi = x.count - x.count / 10
        var first = -1, last = -1, crossings = 0
        for i in (lo + 1)..<hi where x[i - 1] < 0 && x[i] >= 0 {
            if first < 0 { first = i } else { crossings += 1 }
            last = i
        }
        guard crossings > 0 else { return 0 }
        return Double(crossings) * Double(rate) / Double(last - first)
    }

    /// Magnitude of one DFT bin by direct sum, normalised so a full-scale sine reads ~0.5.
    static func magnitude(_ x: [Float], at hz: Double, rate: Int) -> Double {
        var re = 0.0, im = 0.0
        for (i, v) in x.enumerated() {
            let phase = 2 * Double.pi * hz * Double(i) / Double(rate)
            re += Double(v) * cos(phase)
            im -= Double(v) * sin(phase)
        }
        return (re * re + im * im).squareRoot() / Double(max(1, x.count))
    }

    static func rms(_ x: [Float]) -> Float {
        guard !x.isEmpty else { return 0 }
        return (x.reduce(0) { $0 + $1 * $1 } / Float(x.count)).squareRoot()
    }
}
