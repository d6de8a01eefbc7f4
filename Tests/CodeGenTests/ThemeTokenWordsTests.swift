import Brands
import Core
import Foundation
import Testing
@testable import CodeGen

/// `theme_tokens` as the original design and models write them: plain words, mapped onto the scale.
@Suite struct ThemeTokenWordsTests {
    let generator: TemplateGenerator

    init() throws {
        generator = TemplateGenerator(brands: try Fixtures.brands())
    }

    @Test func theOriginalDesignsExampleGeneratesAGradientButtonThatGrowsOnHover() throws {
        let line = #"{"spec_id":"spec-42","component":"button","theme_tokens":{"gradient":"purple-blue"},"interaction":"hover:scale-105"}"#
        let spec = try SpecLines.decode(line, file: "design.jsonl", line: 1)
        let response = try generator.generate(spec)
        for cls in ["bg-gradient-to-r", "from-purple-600", "to-blue-600", "hover:scale-105"] {
            #expect(response.tailwind.contains(cls), "\(cls) missing from \(response.tailwind)")
        }
    }

    @Test func plainRadiusShadowAndSizeWordsAreMappedNotRefused() throws {
        func classes(_ tokens: [String: String]) throws -> [String] {
            try generator.generate(DesignSpec(specID: "w.v1", component: .button, themeTokens: tokens)).tailwind
        }
        #expect(try classes(["radius": "pill"]).contains("rounded-full"))
        #expect(try classes(["radius": "rounded"]).contains("rounded-xl"))
        #expect(try classes(["radius": "square"]).contains("rounded-none"))
        #expect(try classes(["radius": "8px"]).contains("rounded-lg"))
        #expect(try classes(["size": "large"]).contains("text-lg"))
        let soft = try generator.generate(DesignSpec(specID: "w.v1", component: .card, themeTokens: ["shadow": "soft"]))
        #expect(soft.tailwind.contains("shadow-sm"))
    }

    @Test func wordsMapOntoTheScale() {
        #expect(ThemeTokens.canonical(key: "radius", value: "Pill") == "full")
        #expect(ThemeTokens.canonical(key: "shadow", value: "strong") == "xl")
        #expect(ThemeTokens.canonical(key: "radius", value: "banana") == nil)
        #expect(ThemeTokens.gradientColors("indigo-600 to sky").map(\.token) == ["indigo-600", "sky-600"])
        #expect(ThemeTokens.given(["gradient": "purple-blue", "primary": "red"])["primary"] == "red-600")
    }
}
