import Foundation
import TestSupport
import Testing

/// Defence in depth: every red-team probe, rendered WITHOUT the JSX check by
/// `scripts/redteam-render.sh` in headless Chromium under the preview's Content-Security-Policy, runs
/// no payload: no request reaches the stand-in for another host, and no injected code runs (it
/// would fetch /pwned). Rendered without the policy, the same payloads do run, which shows the
/// probes are live and the driver reaches them. Both servers are on loopback.
@Suite(.serialized) struct RedTeamRenderTests {
    struct Run {
        var rendered: Set<String> = []
        var fired: [String: [String]] = [:]
        var summary = ""
    }

    static func render(csp: Bool) throws -> Run {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mockpilot-redteam-\(getpid())-\(csp ? "csp" : "open")")
        let process = Process()
        process.executableURL = Repository.root.appendingPathComponent("scripts/redteam-render.sh")
        process.arguments = [RedTeam.folder.path, out.path] + (csp ? [] : ["--no-csp"])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.standardError
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "redteam-render.sh failed: \(text.suffix(500))")
        var run = Run()
        for line in text.split(separator: "\n") where line.hasPrefix("redteam: ") {
            let words = line.dropFirst("redteam: ".count).split(separator: " ", maxSplits: 2).map(String.init)
            guard words.count >= 2 else { continue }
            if words[1] == "rendered" { run.rendered.insert(words[0]) }
            else if words[1] == "fired:" { run.fired[words[0], default: []].append(words.count > 2 ? words[2] : "") }
            else if words[1] == "probes," { run.summary = String(line) }
        }
        return run
    }

    static var hostile: [String] {
        get throws { try RedTeam.load().filter { $0.rule != nil }.map(\.name) }
    }

    @Test func noProbeRunsItsPayloadUnderThePreviewPolicy() throws {
        let probes = try Self.hostile
        let run = try Self.render(csp: true)
        print(run.summary)
        // Each page rendered (its driver reported), so silence means blocked, not broken.
        #expect(run.rendered == Set(probes), "not rendered: \(Set(probes).subtracting(run.rendered).sorted())")
        #expect(run.fired.isEmpty, "payloads ran under the policy: \(run.fired.sorted { $0.key < $1.key })")
    }

    @Test func withoutThePolicyThePayloadsRun() throws {
        let probes = try Self.hostile
        let run = try Self.render(csp: false)
        print(run.summary)
        let silent = Set(probes).subtracting(run.fired.keys).sorted()
        print("redteam: silent without the policy: \(silent)")
        // Cross-origin <use href> is never fetched by Chromium; every other probe's payload runs.
        #expect(silent == ["net-svg-use"])
    }
}
