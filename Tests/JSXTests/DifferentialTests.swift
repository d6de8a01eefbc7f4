import Foundation
import Testing
import Core
@testable import JSX

/// Our parser must accept and reject the same files as Babel on real-world-style components and
/// their broken copies. `scripts/bench-jsx.sh` prints the `jsx-bench:` line this test writes.
@Test func agreesWithBabelOnTheCorpus() throws {
    // MOCKPILOT_JSX_KEEP_CORPUS=DIR keeps the corpus (scripts/bench-jsx.sh times the release binary on it).
    let keep = ProcessInfo.processInfo.environment["MOCKPILOT_JSX_KEEP_CORPUS"]
    let root = keep.map { URL(fileURLWithPath: $0) }
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("mockpilot-jsx-corpus-\(getpid())")
    defer { if keep == nil { try? FileManager.default.removeItem(at: root) } }
    let files = try CorpusBuilder().build(in: root)
    #expect(files.count >= 300)
    let babel = try BabelOracle.verdicts(for: files)

    let checker = JSXChecker()
    var agree = 0
    var bytes = 0
    var disagreements: [String] = []
    var seconds = 0.0
    for file in files {
        let source = try String(contentsOf: file, encoding: .utf8)
        bytes += source.utf8.count
        let started = Date()
        let ours = checker.parse(source)
        seconds += Date().timeIntervalSince(started)
        guard let theirs = babel[file.path] else { continue }
        let weAccept = (try? ours.get()) != nil
        if weAccept == theirs.ok {
            agree += 1
        } else {
            let why = if case .failure(let e) = ours { e.localizedDescription } else { "accepted" }
            disagreements.append("\(file.lastPathComponent): babel \(theirs.ok ? "ok" : "\(theirs.line ?? 0):\(theirs.column ?? 0) \(theirs.message ?? "")"), ours \(why)")
        }
    }
    let agreement = Double(agree) / Double(files.count) * 100
    let throughput = Double(bytes) / 1_000_000 / max(seconds, 1e-9)
    let templates = files.filter { $0.lastPathComponent.hasPrefix("tpl-") }
    let mutated = files.filter { $0.lastPathComponent.hasPrefix("mut-") }
    print("jsx-bench: agreement \(String(format: "%.2f", agreement))% (\(agree)/\(files.count) files: \(templates.count) template outputs, \(mutated.count) mutated copies), parse throughput \(String(format: "%.2f", throughput)) MB/s")
    // Every template output must be valid JavaScript to both parsers, and pass the sanitiser.
    #expect(templates.count == TemplateCorpus.looks.count * ComponentKind.allCases.count)
    for file in templates {
        #expect(babel[file.path]?.ok == true, "Babel rejects \(file.lastPathComponent): \(babel[file.path]?.message ?? "no verdict")")
        #expect(try checker.check(String(contentsOf: file, encoding: .utf8)) == [], "\(file.lastPathComponent)")
    }
    for d in disagreements { print("jsx-bench: disagree \(d)") }
    #expect(agreement >= 99.5, "disagreements:\n\(disagreements.joined(separator: "\n"))")
}
