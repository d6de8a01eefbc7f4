import Brands
import Core

/// Turns a DesignSpec into a React function component with Tailwind classes, for every
/// `ComponentKind`, without a model: templates filled from the spec's tokens and styles.
/// The same spec always gives the same bytes.
public struct TemplateGenerator: Sendable {
    private let brands: BrandTable
    private let printer = JSXPrinter()

    public init(brands: BrandTable) {
        self.brands = brands
    }

    /// Throws `CodeGenError.badToken` when a theme token in the spec cannot be used.
    public func generate(_ spec: DesignSpec) throws -> GenerateResponse {
        let name = identifier(for: spec)
        let look = try Look(kind: spec.component, tokens: tokens(for: spec), styles: styles(for: spec),
                            label: spec.label, name: name, specID: spec.specID)
        var template = Templates.template(for: spec.component, look)
        if look.has(.sticky) { Self.makeSticky(&template.body, kind: spec.component) }
        if look.has(.fullWidth) { Self.addToRoot(&template.body, "w-full", unless: ["w-full"]) }
        if look.has(.centered) { Self.center(&template.body) }
        let module = JSXModule(name: name, states: template.states, renderOnlyIf: template.renderOnlyIf, body: template.body)
        let (source, classes) = printer.print(module)
        return GenerateResponse(specID: spec.specID, jsx: source, tailwind: classes, namedExports: [name.name])
    }

    /// "sticky" holds for every kind: templates that know a better place for it (navbar,
    /// sidebar, alert, search) set it themselves; the rest pin their root to the top, a footer
    /// to the bottom.
    static func makeSticky(_ root: inout JSXElement, kind: ComponentKind) {
        let pin = kind == .footer ? "sticky bottom-0 z-40" : "sticky top-0 z-40"
        if let i = root.attributes.firstIndex(where: { $0.name.rawValue == "className" }),
           case .classes(var list) = root.attributes[i].value {
            if !list.classes.contains("sticky") {
                // Sticky also anchors absolutely placed children, so it replaces "relative".
                list = ClassList(list.classes.filter { $0 != "relative" })
                list.add(pin)
                root.attributes[i].value = .classes(list)
            }
        } else if !root.attributes.contains(where: { $0.name.rawValue == "className" }) {
            root.attributes.append(.cls(ClassList([pin])))
        }
    }

    /// Adds classes to the root unless it already has one of `unless`.
    static func addToRoot(_ root: inout JSXElement, _ classes: String, unless: Set<String>) {
        guard let i = root.attributes.firstIndex(where: { $0.name.rawValue == "className" }),
              case .classes(var list) = root.attributes[i].value else { return }
        guard unless.isDisjoint(with: list.classes) else { return }
        list.add(classes)
        root.attributes[i].value = .classes(list)
    }

    /// "centered" for every kind: a block with a width gets auto margins; anything else is
    /// wrapped in a centring flex row. Templates that centre themselves are left alone.
    static func center(_ root: inout JSXElement) {
        guard case .classes(let list)? = root.attributes.first(where: { $0.name.rawValue == "className" })?.value else {
            root = JSXElement(.div, [.cls(["flex w-full justify-center"])], [.element(root)])
            return
        }
        if !Set(["mx-auto", "justify-center", "text-center"]).isDisjoint(with: list.classes) { return }
        if list.classes.contains("w-full") || list.classes.contains(where: { $0.hasPrefix("max-w-") }) {
            addToRoot(&root, "mx-auto", unless: [])
        } else {
            root = JSXElement(.div, [.cls(["flex w-full justify-center"])], [.element(root)])
        }
    }

    /// The spec's own name when it is a valid PascalCase identifier, else one built from the
    /// label and kind ("PayButton").
    public func componentName(for spec: DesignSpec) -> String {
        identifier(for: spec).name
    }

    func identifier(for spec: DesignSpec) -> JSIdentifier {
        if let given = spec.name, !given.isEmpty {
            return ComponentNamer.name(given: given, kind: spec.component)
        }
        return ComponentNamer.name(label: spec.label, kind: spec.component)
    }

    /// Styles from the spec plus its interaction effects, conflicts settled.
    func styles(for spec: DesignSpec) -> [Style] {
        Style.normalise(ThemeTokens.impliedStyles(spec.themeTokens) + spec.styles + spec.interaction)
    }

    /// Tokens a hand-written spec implies (brands, colours, styles), with the spec's own
    /// `theme_tokens` on top: a resolved spec from `SpecResolver` already holds them all.
    func tokens(for spec: DesignSpec) -> [String: String] {
        let cited = spec.brandRefs.compactMap { SpecResolver.brand(named: $0, in: brands) }
        var tokens = ThemeTokens.resolve(kind: spec.component, brands: cited, colors: spec.colors, styles: styles(for: spec))
        for (key, value) in ThemeTokens.given(spec.themeTokens) { tokens[key] = value }
        return tokens
    }
}
