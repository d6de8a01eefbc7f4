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
        let template = Templates.template(for: spec.component, look)
        let module = JSXModule(name: name, states: template.states, renderOnlyIf: template.renderOnlyIf, body: template.body)
        let (source, classes) = printer.print(module)
        return GenerateResponse(specID: spec.specID, jsx: source, tailwind: classes, namedExports: [name.name])
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
        Style.normalise(spec.styles + spec.interaction)
    }

    /// Tokens a hand-written spec implies (brands, colours, styles), with the spec's own
    /// `theme_tokens` on top: a resolved spec from `SpecResolver` already holds them all.
    func tokens(for spec: DesignSpec) -> [String: String] {
        let cited = spec.brandRefs.compactMap { SpecResolver.brand(named: $0, in: brands) }
        var tokens = ThemeTokens.resolve(kind: spec.component, brands: cited, colors: spec.colors, styles: styles(for: spec))
        for (key, value) in spec.themeTokens { tokens[key] = value }
        return tokens
    }
}
