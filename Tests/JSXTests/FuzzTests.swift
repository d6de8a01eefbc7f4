import Foundation
import TestSupport
import Testing
@testable import JSX

/// Seconds to keep mutating past the first 2,000 (MOCKPILOT_FUZZ_SECONDS; default 0, so `make test`
/// stays quick). MOCKPILOT_FUZZ_SEED picks another sequence. libFuzzer goes further: scripts/fuzz-jsx.sh.
let fuzzSeconds = Double(ProcessInfo.processInfo.environment["MOCKPILOT_FUZZ_SECONDS"] ?? "") ?? 0
let fuzzSeed = UInt64(ProcessInfo.processInfo.environment["MOCKPILOT_FUZZ_SEED"] ?? "") ?? 2026

/// Seeded random mutation fuzzing: at least 2,000 broken variants of the corpus, each must get a
/// verdict. A crash fails the whole test process and a hang the time limit, which is the point.
@Test(.timeLimit(.minutes(max(2, Int(fuzzSeconds / 60) + 2))))
func mutationsEachGetAVerdict() throws {
    let dir = Repository.root.appendingPathComponent("Tests/JSXTests/Corpus")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".jsx") }.sorted()
    let seeds = try names.map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }
    var mutator = Mutator(random: SeededRandom(seed: fuzzSeed))
    var random = SeededRandom(seed: fuzzSeed &+ 7)
    let checker = JSXChecker()
    var rejected = 0
    var slowest = 0.0
    var count = 0
    let started = Date()
    while count < 2000 || Date().timeIntervalSince(started) < fuzzSeconds {
        var source = seeds[count % seeds.count]
        for _ in 0..<random.int(1..<6) { source = mutator.mutate(source).0 }
        if random.chance(10) {
            // Splice in raw bytes too.
            var bytes = Array(source.utf8)
            let at = random.int(0..<max(bytes.count, 1))
            bytes.insert(contentsOf: (0..<8).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: min(at, bytes.count))
            source = String(decoding: bytes, as: UTF8.self)
        }
        let one = Date()
        let found = checker.check(source)
        slowest = max(slowest, Date().timeIntervalSince(one))
        if found.contains(where: { $0.rule == nil }) { rejected += 1 }
        #expect(found.allSatisfy { $0.line >= 1 && $0.column >= 1 && !$0.message.isEmpty }, "\(found)")
        // A syntax error comes alone: the sanitiser never judges a broken tree.
        #expect(!found.contains { $0.rule == nil } || found.count == 1, "\(found)")
        count += 1
    }
    print("jsx-fuzz: \(count) mutations (seed \(fuzzSeed)) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s, \(rejected) rejected, slowest \(String(format: "%.3f", slowest)) s")
    // Most mutations break the syntax; if hardly any did, the mutator (not the parser) is broken.
    #expect(rejected * 4 > count)
}
