import Foundation
import Testing

/// The preview kit's own page (preview/src, as `npm run dev` serves it), bundled offline with a
/// module map in place of Vite's import.meta.glob and rendered in headless Chromium.
@Suite(.serialized) struct PreviewPageTests {
    static let kinds = RenderGeneratedTests.kinds

    func previewCheck(_ components: URL) throws -> Binary.Result {
        try Script.run("scripts/preview-check.sh",
                       [components.path, components.deletingLastPathComponent().appendingPathComponent("preview-work").path])
    }

    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-preview-\(UUID().uuidString)/out/src/components")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func everyComponentKindGetsARenderedCard() throws {
        let dir = try folder()
        let specs = Self.kinds.enumerated().map { i, kind in
            let look = RenderGeneratedTests.looks[i % RenderGeneratedTests.looks.count]
            let fields: [String: Any] = ["spec_id": "p\(i).v1", "component": kind, "styles": look.styles, "brand_refs": look.brands,
                                         "colors": look.colors]
            return String(decoding: (try? JSONSerialization.data(withJSONObject: fields)) ?? Data(), as: UTF8.self)
        }
        let generated = try Binary.run(["generate", "-"], stdin: specs.joined(separator: "\n"))
        #expect(generated.status == 0, "\(generated.stderr)")
        for line in generated.stdout.split(separator: "\n") {
            let response = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let name = try #require((response["named_exports"] as? [String])?.first)
            try (response["jsx"] as? String ?? "").write(to: dir.appendingPathComponent("\(name).jsx"), atomically: true, encoding: .utf8)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".jsx") }
        #expect(files.count == Self.kinds.count)
        let result = try previewCheck(dir)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("preview: \(files.count) cards, 0 failed; header: \(files.count) components in "), "\(result.stdout)")
        for file in files {
            #expect(result.stdout.contains("preview: \(file.dropLast(4)) ok "), "\(file): \(result.stdout)")
        }
    }

    /// The page's own fallbacks show, and the check says so: a file without a default export, and
    /// one that throws while rendering, beside one that works.
    @Test func aBrokenComponentIsShownAsBrokenAndTheRestStillRender() throws {
        let dir = try folder()
        try "export default function Fine() { return <p className=\"text-sm\">fine</p>; }\n"
            .write(to: dir.appendingPathComponent("Fine.jsx"), atomically: true, encoding: .utf8)
        try "export function NoDefault() { return <p>named only</p>; }\n"
            .write(to: dir.appendingPathComponent("NoDefault.jsx"), atomically: true, encoding: .utf8)
        try "export default function Throws() { throw new Error(\"broken on purpose\"); }\n"
            .write(to: dir.appendingPathComponent("Throws.jsx"), atomically: true, encoding: .utf8)
        let result = try previewCheck(dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains("preview: Fine ok "), "\(result.stdout)")
        #expect(result.stdout.contains("preview: NoDefault FAIL: no default export"), "\(result.stdout)")
        #expect(result.stdout.contains("preview: Throws FAIL: error: broken on purpose"), "\(result.stdout)")
    }
}
