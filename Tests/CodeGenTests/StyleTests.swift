import Testing
@testable import CodeGen

@Suite struct StyleTests {
    @Test func acceptsCanonicalWordsAndCommonSpellings() {
        #expect(Style(word: "hover-scale") == .hoverScale)
        #expect(Style(word: "Full Width") == .fullWidth)
        #expect(Style(word: "pill-shaped") == .pill)
        #expect(Style(word: "glassmorphism") == .glass)
        #expect(Style(word: "bigger") == .large)
        #expect(Style(word: "sparkly") == nil)
    }

    @Test func laterWordsWinConflictsWithinOneRequest() {
        #expect(Style.normalise(["large", "small", "pill", "square", "dark"]) == [.square, .dark, .small])
        #expect(Style.normalise(["shadow", "minimal"]) == [.minimal])
    }

    @Test func mergeReplacesOnlyConflictingStyles() {
        let old: [Style] = [.pill, .gradient, .light, .large, .hoverScale]
        #expect(Style.merge(old, adding: [.dark]) == [.pill, .gradient, .dark, .large, .hoverScale])
        #expect(Style.merge(old, adding: [.small, .outline]) == [.pill, .outline, .light, .small, .hoverScale])
        #expect(Style.merge(old, adding: [.rounded, .animated]) == [.rounded, .gradient, .light, .large, .hoverScale, .animated])
        #expect(Style.merge([.shadow, .bold], adding: [.minimal]) == [.minimal])
    }
}
