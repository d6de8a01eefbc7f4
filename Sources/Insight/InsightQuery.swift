/// What the pipeline asks about: the component under discussion and its styles and brands.
public struct InsightQuery: Sendable, Hashable {
    public var component: String
    public var styles: [String]
    public var brands: [String]

    public init(component: String, styles: [String], brands: [String]) {
        self.component = component
        self.styles = styles
        self.brands = brands
    }

    /// Brands, component, styles: "stripe button hover".
    public var text: String {
        (brands + [component] + styles).map { $0.lowercased() }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The Instagram hashtag for the component: "buttondesign". Hashtags are single words, and
    /// the whole query squashed ("stripebuttonhover") is one nobody uses.
    public var hashtag: String {
        component.lowercased().filter { $0.isLetter || $0.isNumber } + "design"
    }
}
