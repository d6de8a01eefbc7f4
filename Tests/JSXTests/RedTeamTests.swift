import Foundation
import TestSupport
import Testing
@testable import JSX

/// The red-team corpus (Tests/JSXTests/RedTeam): components built to get code, markup or network
/// past the check, one file per probe, each naming on its first line the class it belongs to and the
/// rule that must refuse it; and benign twins that do the harmless thing the same way. Every probe
/// here passed the denylist check before the allowlist (issue 12).
enum RedTeam {
    struct Probe: Sendable, CustomTestStringConvertible {
        var name: String
        var source: String
        /// The rule that must refuse it; nil for a benign twin.
        var rule: String?
        var testDescription: String { name }
    }

    static let folder = Repository.root.appendingPathComponent("Tests/JSXTests/RedTeam")

    static func load() throws -> [Probe] {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "jsx" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { file in
            let source = try String(contentsOf: file, encoding: .utf8)
            let first = source.prefix { $0 != "\n" }
            let rule = first.range(of: "refused by: ").map { String(first[$0.upperBound...]) }
            return Probe(name: file.deletingPathExtension().lastPathComponent, source: source, rule: rule)
        }
    }

    static let probes: [Probe] = (try? load()) ?? []
}

@Test func redTeamCorpusIsComplete() throws {
    let probes = try RedTeam.load()
    let hostile = probes.filter { $0.rule != nil }
    #expect(hostile.count >= 40, "the corpus lost probes: \(hostile.count)")
    #expect(probes.count - hostile.count >= 10, "the corpus lost benign twins")
    // One class per item of issue 12; every class keeps several variants.
    let classes = Dictionary(grouping: hostile) { $0.source.prefix { $0 != ";" } }
    #expect(classes.count == 6, "\(classes.keys.sorted())")
    #expect(classes.values.allSatisfy { $0.count >= 5 })
}

@Test(arguments: RedTeam.probes)
func redTeamProbeIsRefusedWithItsReason(_ probe: RedTeam.Probe) {
    let found = JSXChecker().check(probe.source)
    #expect(found.allSatisfy { $0.rule != nil }, "\(probe.name) must parse: \(found)")
    guard let rule = probe.rule else {
        #expect(found == [], "benign twin \(probe.name) was refused: \(found.map(\.description))")
        return
    }
    #expect(found.contains { $0.rule == rule }, "\(probe.name): expected \(rule), got \(found.map { "\($0.rule ?? "syntax") \($0)" })")
    // Each reason is a sentence a user can act on, at a position inside the file.
    let lines = probe.source.split(separator: "\n", omittingEmptySubsequences: false).count
    #expect(found.allSatisfy { $0.line >= 2 && $0.line <= lines && $0.column >= 1 && $0.message.contains(" ") })
}
