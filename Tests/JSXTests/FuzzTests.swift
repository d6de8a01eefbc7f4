import Foundation
import Testing
@testable import JSX

/// Seeded random mutation fuzzing: 2,000 broken variants of the corpus, each must get a verdict
/// quickly. A crash or hang fails the whole test process, which is the point.
@Test func twoThousandMutationsEachGetAVerdict() throws {
    let dir = CorpusBuilder.repository.appendingPathComponent("Tests/JSXTests/Corpus")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".jsx") }.sorted()
    let seeds = try names.map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }
    var mutator = Mutator(random: SeededRandom(seed: 2026))
    var random = SeededRandom(seed: 7)
    let checker = JSXChecker()
    var rejected = 0
    var slowest = 0.0
    for i in 0..<2000 {
        var source = seeds[i % seeds.count]
        for _ in 0..<random.int(1..<6) { source = mutator.mutate(source).0 }
        if random.chance(10) {
            // Splice in raw bytes too.
            var bytes = Array(source.utf8)
            let at = random.int(0..<max(bytes.count, 1))
            bytes.insert(contentsOf: (0..<8).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: min(at, bytes.count))
            source = String(decoding: bytes, as: UTF8.self)
        }
        let started = Date()
        let found = checker.check(source)
        slowest = max(slowest, Date().timeIntervalSince(started))
        if found.contains(where: { $0.rule == nil }) { rejected += 1 }
        #expect(found.allSatisfy { $0.line >= 1 && $0.column >= 1 && !$0.message.isEmpty })
    }
    print("jsx-fuzz: 2000 mutations, \(rejected) rejected, slowest \(String(format: "%.3f", slowest)) s")
    #expect(rejected > 500)
    #expect(slowest < 2)
}
