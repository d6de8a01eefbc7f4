import Foundation
import TestSupport
import Testing

/// Drives `scripts/render-check.sh` (esbuild + React 18 + Tailwind v4 CLI + headless Chromium) on
/// hand-written components and asserts what it reports: console errors, rendered size, and a
/// Tailwind class's computed style.
@Suite(.serialized) struct RenderCheckTests {
    static let components: [String: String] = [
        "PayButton": """
        import { useState } from "react";
        export default function PayButton({ amount = 42 }) {
          const [paid, setPaid] = useState(false);
          return (
            <button onClick={() => setPaid(true)}
              className="rounded-full bg-gradient-to-r from-purple-600 to-blue-500 px-8 py-3 font-semibold text-white shadow-lg">
              {paid ? "Paid" : `Pay $${amount}`}
            </button>
          );
        }
        """,
        "Throws": """
        export default function Throws({ user }) {
          return <p className="text-sm">{user.name}</p>;
        }
        """,
        "MissingKeys": """
        export default function MissingKeys() {
          return <ul className="list-disc">{["a", "b"].map((x) => <li>{x}</li>)}</ul>;
        }
        """,
        "Empty": """
        export default function Empty() {
          return <div className="flex"></div>;
        }
        """,
    ]

    struct Run {
        var status: Int32
        var lines: [String: String]
        var summary: String
        var out: URL
    }

    static func renderAll(checkClass: String? = nil) throws -> Run {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("mockpilot-render-\(getpid())-\(checkClass ?? "any")")
        let input = base.appendingPathComponent("in"), out = base.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for (name, source) in components {
            try source.write(to: input.appendingPathComponent(name + ".jsx"), atomically: true, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = Repository.root.appendingPathComponent("scripts/render-check.sh")
        process.arguments = [input.path, out.path] + (checkClass.map { [$0] } ?? [])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.standardError
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var lines: [String: String] = [:]
        var summary = ""
        for line in text.split(separator: "\n") where line.hasPrefix("render: ") {
            let rest = line.dropFirst("render: ".count)
            guard let space = rest.firstIndex(of: " ") else { continue }
            let name = String(rest[..<space])
            if name.first?.isNumber == true { summary = String(rest) } else { lines[name] = String(rest[rest.index(after: space)...]) }
        }
        return Run(status: process.terminationStatus, lines: lines, summary: summary, out: out)
    }

    @Test func rendersGoodComponentsAndCatchesBrokenOnes() throws {
        let run = try Self.renderAll()
        print(run.lines.sorted { $0.key < $1.key }.map { "render: \($0.key) \($0.value)" }.joined(separator: "\n"))
        let pay = try #require(run.lines["PayButton"])
        #expect(pay.hasPrefix("ok "), "\(pay)")
        // The first class with an effect is rounded-full: a pill.
        #expect(pay.contains("rounded-full: border-top-left-radius="))
        let shot = run.out.appendingPathComponent("PayButton/shot.png")
        #expect(((try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0) > 1000)

        #expect(run.lines["Throws"]?.contains("console error") == true, "\(run.lines["Throws"] ?? "")")
        #expect(run.lines["MissingKeys"]?.contains("unique \"key\" prop") == true, "\(run.lines["MissingKeys"] ?? "")")
        #expect(run.lines["Empty"]?.contains("rendered size") == true, "\(run.lines["Empty"] ?? "")")
        #expect(run.summary == "1 passed, 3 failed")
        #expect(run.status != 0)
    }

    @Test func checksTheRequestedTailwindClass() throws {
        let run = try Self.renderAll(checkClass: "bg-gradient-to-r")
        let pay = try #require(run.lines["PayButton"])
        #expect(pay.contains("bg-gradient-to-r: background-image=linear-gradient(to right, oklch"), "\(pay)")
        #expect(run.lines["Throws"]?.hasPrefix("FAIL") == true)
    }
}
