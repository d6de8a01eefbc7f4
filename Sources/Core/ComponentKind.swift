/// The kinds of UI component MockPilot recognises and generates.
public enum ComponentKind: String, Codable, Sendable, CaseIterable, Hashable {
    case button, input, card, navbar, modal, form, table, hero, pricing, footer, avatar, badge
    case tabs, toggle, dropdown, alert, sidebar, list, search, login, checkout, progress, tooltip, carousel

    /// The word used in a component name: "PayButton", "PricingSection".
    public var typeName: String {
        switch self {
        case .navbar: "Navbar"
        case .hero: "Hero"
        case .pricing: "PricingTable"
        case .login: "LoginForm"
        case .checkout: "CheckoutForm"
        case .search: "SearchBar"
        case .progress: "ProgressBar"
        case .list: "List"
        default: rawValue.prefix(1).uppercased() + rawValue.dropFirst()
        }
    }

    /// The kind as said: "PricingTable" -> "pricing table"; with `article`, "a pricing table",
    /// "an alert".
    public func spoken(article: Bool) -> String {
        var words = ""
        for c in typeName {
            if c.isUppercase, !words.isEmpty { words.append(" ") }
            words.append(contentsOf: c.lowercased())
        }
        guard article else { return words }
        return (words.first.map { "aeiou".contains($0) } == true ? "an " : "a ") + words
    }
}
