import Core
import Foundation
import Testing
@testable import CodeGen

/// Every kind rendered by React in a real browser, the interactive ones clicked through.
@Suite struct RenderTests {
    @Test(.timeLimit(.minutes(2)))
    func everyKindRendersAndTheInteractiveOnesRespond() throws {
        let brands = try Fixtures.brands()
        let generator = TemplateGenerator(brands: brands)
        let resolver = SpecResolver(brands: brands)
        let hostile = "</div><script>alert(1)</script>"
        var components: [(kind: String, name: String, source: String)] = []
        for (i, kind) in ComponentKind.allCases.enumerated() {
            let intent = IntentMsg(utteranceID: "u\(i)", component: kind, styles: ["gradient", "hover-scale", "dark"],
                                   brandRefs: ["Stripe"], confidence: 1, label: hostile)
            let spec = resolver.spec(for: intent, kind: kind, previous: nil, componentID: "c\(i)", version: 1)
            let response = try generator.generate(spec)
            components.append((kind.rawValue, response.namedExports[0], response.jsx))
        }
        let report = try RenderCheck.run(components)
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.empty.isEmpty, "rendered nothing: \(report.empty)")
        #expect(report.scripts == 1, "only the bundle's own script tag")
        let expected = ["modal opens", "modal closes on Escape", "toggle switches on", "second tab selected", "menu opens",
                        "menu closes after a choice", "carousel wraps backwards", "carousel wraps forwards",
                        "tooltip shows on hover", "pricing switches to yearly", "alert dismisses"]
        for step in expected {
            #expect(report.steps[step] == true, "\(step): \(report.steps[step].map(String.init) ?? "not run")")
        }
        // JSX drops spaces at line breaks; {" "} keeps this one.
        #expect(report.text.contains("No account yet? Create one"))
        // The label is on screen as text in the components that show it.
        #expect(report.text.components(separatedBy: hostile).count > 10)
    }
}
