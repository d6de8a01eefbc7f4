import Brands
import CodeGen
import Core
import Foundation

/// Every template MockPilot ships, in several looks, for the differential corpus: each kind with no
/// style, and with style sets that between them use every style word and every brand of the
/// shipped table, plus a label full of characters JSX treats specially.
enum TemplateCorpus {
    struct Look {
        var name: String
        var styles: [String]
        var colors: [String] = []
        var label: String?
        var brand: Bool
    }

    static let looks: [Look] = [
        Look(name: "plain", styles: [], brand: false),
        Look(name: "pill-gradient", styles: ["pill", "gradient", "bold"], colors: ["purple", "blue"], label: "Pay now", brand: true),
        Look(name: "dark-minimal", styles: ["dark", "minimal", "square"], brand: true),
        Look(name: "glass", styles: ["glass", "large", "hover-scale", "hover-glow"], brand: true),
        Look(name: "hostile-label", styles: ["rounded", "shadow", "sticky", "centered"], colors: ["green"],
             label: #"javascript:alert(1) </div><script>alert("x")</script> {a} & `b` ${c}"#, brand: false),
        Look(name: "outline", styles: ["outline", "ghost", "light", "small", "animated", "full-width"], colors: ["#ff5a5f"], brand: true),
    ]

    /// (file name, source) for every kind in every look.
    static func sources(repository: URL) throws -> [(String, String)] {
        let table = try BrandTable.load(themesDirectory: repository.appendingPathComponent("Themes").path, userFile: nil)
        let generator = TemplateGenerator(brands: table)
        let resolver = SpecResolver(brands: table)
        var brandIndex = 0
        var out: [(String, String)] = []
        for (k, kind) in ComponentKind.allCases.enumerated() {
            for look in looks {
                var brands: [String] = []
                if look.brand, !table.brands.isEmpty {
                    brands = [table.brands[brandIndex % table.brands.count].name]
                    brandIndex += 1
                }
                let intent = IntentMsg(utteranceID: "u\(k)", component: kind, styles: look.styles, brandRefs: brands, confidence: 1,
                                       colors: look.colors, cue: true, label: look.label)
                let spec = resolver.spec(for: intent, kind: kind, previous: nil, componentID: "c\(k)", version: 1)
                out.append(("tpl-\(kind.rawValue)-\(look.name).jsx", try generator.generate(spec).jsx))
            }
        }
        return out
    }
}
