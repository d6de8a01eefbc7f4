import Foundation
import Testing

/// Generated components for every kind, rendered offline in headless Chromium: no console
/// errors, a visible root, and Tailwind classes from the spec in effect.
@Suite(.serialized) struct RenderGeneratedTests {
    static let kinds = ["button", "input", "card", "navbar", "modal", "form", "table", "hero", "pricing", "footer",
                        "avatar", "badge", "tabs", "toggle", "dropdown", "alert", "sidebar", "list", "search", "login",
                        "checkout", "progress", "tooltip", "carousel"]
    static let looks: [(styles: [String], brands: [String], colors: [String])] = [
        (["pill", "gradient"], ["Stripe"], ["purple", "blue"]),
        (["dark", "minimal"], ["Linear"], []),
        (["rounded", "shadow", "hover-scale"], [], ["green"]),
        (["glass", "large"], ["Apple"], []),
    ]

    /// Writes one generated component per spec into `dir`, named after its export.
    func generate(_ specs: [[String: Any]], into dir: URL) throws -> [[String: Any]] {
        let input = try specs.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
            .joined(separator: "\n")
        let result = try Binary.run(["generate", "-"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let responses = result.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        for response in responses {
            let name = try #require((response["named_exports"] as? [String])?.first)
            let jsx = try #require(response["jsx"] as? String)
            try jsx.write(to: dir.appendingPathComponent("\(name).jsx"), atomically: true, encoding: .utf8)
        }
        return responses
    }

    func renderCheck(_ dir: URL, className: String? = nil) throws -> Binary.Result {
        try Script.run("scripts/render-check.sh", [dir.path, dir.appendingPathComponent("render").path] + (className.map { [$0] } ?? []))
    }

    @Test func everyKindRendersInChromium() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let specs: [[String: Any]] = Self.kinds.enumerated().map { i, kind in
            let look = Self.looks[i % Self.looks.count]
            return ["spec_id": "k\(i).v1", "component": kind, "styles": look.styles, "brand_refs": look.brands,
                    "colors": look.colors]
        }
        let responses = try generate(specs, into: dir)
        #expect(responses.count == Self.kinds.count)
        // MockPilot's own check passes each one before any browser sees it.
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".jsx") }
        let check = try Binary.run(["check"] + files.map { dir.appendingPathComponent($0).path })
        #expect(check.status == 0, "\(check.stdout)")
        let render = try renderCheck(dir)
        #expect(render.status == 0, "\(render.stdout)")
        #expect(render.stdout.contains("render: \(Self.kinds.count) passed, 0 failed"), "\(render.stdout)")
    }

    @Test func theGradientFromTheSpecIsComputed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-gradient-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let responses = try generate([["spec_id": "g1.v1", "component": "button", "label": "pay",
                                       "styles": ["pill", "gradient"], "colors": ["purple", "blue"]]], into: dir)
        let classes = try #require(responses.first?["tailwind"] as? [String])
        let gradient = try #require(classes.first { $0.contains("gradient") || $0.hasPrefix("bg-linear") })
        let render = try renderCheck(dir, className: gradient)
        #expect(render.status == 0, "\(render.stdout)")
        #expect(render.stdout.contains("render: PayButton ok"), "\(render.stdout)")
    }
}
