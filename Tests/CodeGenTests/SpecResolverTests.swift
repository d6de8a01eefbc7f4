import Brands
import Core
import Foundation
import TestSupport
import Testing
@testable import CodeGen

@Suite struct SpecResolverTests {
    let resolver: SpecResolver

    init() throws {
        resolver = SpecResolver(brands: try Fixtures.brands())
    }

    func intent(_ id: String, _ kind: ComponentKind?, styles: [String] = [], brands: [String] = [], colors: [String] = [],
                label: String? = nil, refine: Bool = false, refersTo: ComponentKind? = nil) -> IntentMsg {
        IntentMsg(utteranceID: id, component: kind, styles: styles, brandRefs: brands, confidence: 0.9, colors: colors,
                  cue: !refine, refine: refine, refersTo: refersTo, label: label)
    }

    @Test func newComponentGetsBrandTokensColoursStylesAndInteraction() {
        let s = resolver.spec(for: intent("u1", .button, styles: ["pill", "hover-scale", "gradient"], brands: ["stripe"],
                                          colors: ["purple", "blue"], label: "pay"),
                              kind: .button, previous: nil, componentID: "c3", version: 1)
        #expect(s.specID == "c3.v1")
        #expect(s.version == 1)
        #expect(s.name == "PayButton")
        #expect(s.label == "pay")
        #expect(s.brandRefs == ["Stripe"])
        #expect(s.styles == ["pill", "gradient"])
        #expect(s.interaction == ["hover-scale"])
        // Colours override the brand; styles override both.
        #expect(s.themeTokens["primary"] == "purple-600")
        #expect(s.themeTokens["secondary"] == "blue-600")
        #expect(s.themeTokens["accent"] == "#0a2540")
        #expect(s.themeTokens["font"] == "Sohne, Inter, sans-serif")
        #expect(s.themeTokens["radius"] == "full")
        #expect(s.utteranceIDs == ["u1"])
    }

    @Test func refinementMergesStylesNewOnesWinConflicts() {
        let v1 = resolver.spec(for: intent("u1", .card, styles: ["light", "large", "rounded", "shadow"]),
                               kind: .card, previous: nil, componentID: "c1", version: 1)
        #expect(v1.themeTokens["background"] == "white")
        let v2 = resolver.spec(for: intent("u2", nil, styles: ["dark", "small", "sticky"], refine: true, refersTo: .card),
                               kind: .card, previous: v1, componentID: "c1", version: 2)
        #expect(v2.specID == "c1.v2")
        #expect(v2.styles == ["rounded", "shadow", "dark", "small"])
        #expect(v2.interaction == ["sticky"])
        #expect(v2.themeTokens["background"] == "slate-900")
        #expect(v2.themeTokens["text"] == "slate-100")
        #expect(v2.utteranceIDs == ["u1", "u2"])
        #expect(v2.name == v1.name)

        let v3 = resolver.spec(for: intent("u3", nil, styles: ["minimal", "square"], refine: true), kind: .card, previous: v2,
                               componentID: "c1", version: 3)
        #expect(v3.styles == ["square", "dark", "minimal", "small"])
        #expect(v3.themeTokens["shadow"] == "none")
        #expect(v3.themeTokens["radius"] == "none")
        #expect(v3.interaction == ["sticky"])
    }

    @Test func aNewColourReplacesTheOldPrimaryAndTheBrandStays() {
        let v1 = resolver.spec(for: intent("u1", .pricing, brands: ["Stripe"]), kind: .pricing, previous: nil,
                               componentID: "c1", version: 1)
        #expect(v1.themeTokens["primary"] == "#635bff")
        let v2 = resolver.spec(for: intent("u2", nil, colors: ["purple"], refine: true), kind: .pricing, previous: v1,
                               componentID: "c1", version: 2)
        #expect(v2.themeTokens["primary"] == "purple-600")
        #expect(v2.themeTokens["secondary"] == "purple-400")
        #expect(v2.themeTokens["font"] == "Sohne, Inter, sans-serif")
        #expect(v2.brandRefs == ["Stripe"])
        #expect(v2.colors == ["purple"])
        let v3 = resolver.spec(for: intent("u3", nil, colors: ["orange"], refine: true), kind: .pricing, previous: v2,
                               componentID: "c1", version: 3)
        #expect(v3.themeTokens["primary"] == "orange-600")
        #expect(v3.colors == ["orange"])
    }

    @Test func laterBrandReplacesEarlierBrandButExplicitStylesStay() {
        let v1 = resolver.spec(for: intent("u1", .button, styles: ["pill"], brands: ["Stripe"]), kind: .button, previous: nil,
                               componentID: "c1", version: 1)
        let v2 = resolver.spec(for: intent("u2", nil, brands: ["Airbnb"], refine: true), kind: .button, previous: v1,
                               componentID: "c1", version: 2)
        #expect(v2.brandRefs == ["Airbnb"])
        #expect(v2.themeTokens["primary"] == "#ff385c")
        #expect(v2.themeTokens["radius"] == "full")
    }

    @Test func neutralColoursPaintSurfacesOrTheLabel() {
        let nav = resolver.spec(for: intent("u1", .navbar, colors: ["white"]), kind: .navbar, previous: nil,
                                componentID: "c1", version: 1)
        #expect(nav.themeTokens["background"] == "white")
        #expect(nav.themeTokens["primary"] == "indigo-600")
        let button = resolver.spec(for: intent("u2", .button, colors: ["indigo", "white"]), kind: .button, previous: nil,
                                   componentID: "c2", version: 1)
        #expect(button.themeTokens["primary"] == "indigo-600")
        #expect(button.themeTokens["on_primary"] == "white")
        let checkout = resolver.spec(for: intent("u3", .checkout, colors: ["black", "white"]), kind: .checkout, previous: nil,
                                     componentID: "c3", version: 1)
        #expect(checkout.themeTokens["primary"] == "black")
        #expect(checkout.themeTokens["background"] == "white")
    }

    @Test func unknownWordsAreDroppedAndLabelsCleaned() {
        let s = resolver.spec(for: intent("u1", .badge, styles: ["sparkly", "Pill-Shaped", "big"], brands: ["Nobody Inc"],
                                          colors: ["octarine", "#ABC"], label: "  new\n\u{202E}item " + String(repeating: "x", count: 80)),
                              kind: .badge, previous: nil, componentID: "c9", version: 1)
        #expect(s.styles == ["pill", "large"])
        #expect(s.brandRefs.isEmpty)
        #expect(s.colors == ["#abc"])
        #expect(s.themeTokens["primary"] == "#aabbcc")
        #expect(s.label?.hasPrefix("new item xxx") == true)
        #expect((s.label?.count ?? 0) <= SpecResolver.maxLabelLength)
    }

    @Test func resolvedSpecsRoundTripAndGenerate() throws {
        let generator = TemplateGenerator(brands: try Fixtures.brands())
        let s = resolver.spec(for: intent("u1", .hero, styles: ["gradient"], brands: ["Linear"], colors: ["purple", "pink"]),
                              kind: .hero, previous: nil, componentID: "c4", version: 1)
        let line = try JSONLines.encode(s)
        #expect(line.contains("\"spec_id\":\"c4.v1\""))
        #expect(line.contains("\"theme_tokens\":{"))
        let r = try generator.generate(try JSONLines.decode(DesignSpec.self, from: line))
        #expect(r.specID == "c4.v1")
        #expect(r.tailwind.contains("from-purple-600"))
        #expect(r.tailwind.contains("to-pink-600"))
        #expect(r.namedExports == ["Hero"])
    }

    /// The first lines of the dev set: a Stripe pricing section, then three refinements of it
    /// (shadow, a monthly/yearly toggle, purple).
    @Test func devSetPricingConversation() throws {
        let url = Repository.shared.appendingPathComponent("eval/intents.dev.jsonl")
        // The eval set lives beside the repository, never in it: a missing one fails, saying where it goes.
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            Issue.record("the dev set is missing at \(url.path): put the shared eval data (eval/intents.dev.jsonl) in ../shared beside the repository (\(error.localizedDescription))")
            return
        }
        struct Row: Decodable {
            var id: String, component: ComponentKind?, styles: [String], brand_refs: [String], colors: [String]
            var refine: Bool, refers_to: ComponentKind?
        }
        let rows = try text.split(separator: "\n").prefix(4).map { try JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
        var current: DesignSpec?
        var version = 0
        for row in rows where row.component != nil || row.refine {
            let kind = row.refine ? (row.refers_to ?? .pricing) : (row.component ?? .pricing)
            version += 1
            current = resolver.spec(for: intent(row.id, row.component, styles: row.styles, brands: row.brand_refs,
                                                colors: row.colors, refine: row.refine, refersTo: row.refers_to),
                                    kind: kind, previous: current, componentID: "c1", version: version)
        }
        let final = try #require(current)
        #expect(final.specID == "c1.v4")
        #expect(final.brandRefs == ["Stripe"])
        #expect(final.styles == ["shadow"])
        #expect(final.themeTokens["primary"] == "purple-600")
        #expect(final.themeTokens["shadow"] == "lg")
        #expect(final.utteranceIDs == ["dev-001", "dev-002", "dev-003", "dev-004"])
    }
}
