import Brands
import Core
import Foundation

/// Turns an intent (and, for a refinement, the component's current spec) into the next
/// DesignSpec with resolved `theme_tokens` and `interaction`.
///
/// A refinement merges: new styles replace the old ones they conflict with ("dark" replaces
/// "light", "small" replaces "large"), new colours replace the old ones, a newly cited brand
/// replaces the old brand, and the tokens are re-applied in order on top of the previous
/// tokens, so the latest request wins.
public struct SpecResolver: Sendable {
    private let brands: BrandTable
    /// Labels longer than this are cut; they end up on buttons and headings.
    static let maxLabelLength = 60

    public init(brands: BrandTable) {
        self.brands = brands
    }

    /// `componentID` like "c3"; `version` 1 for a new component; `previous` is the current
    /// spec of that component for refinements.
    public func spec(for intent: IntentMsg, kind: ComponentKind, previous: DesignSpec?, componentID: String,
                     version: Int) -> DesignSpec {
        let newStyles = intent.styles.compactMap(Style.init(word:))
        let newBrands = uniqueBrands(intent.brandRefs)
        let newColors = intent.colors.filter { ColorToken(parsing: $0) != nil }.map { $0.lowercased() }
        let label = Self.cleanLabel(intent.label)

        let styles: [Style]
        var tokens: [String: String]
        let brandRefs: [String]
        let colors: [String]
        if let previous {
            styles = Style.merge(Style.normalise(previous.styles + previous.interaction), adding: newStyles)
            brandRefs = newBrands.isEmpty ? previous.brandRefs : newBrands.map(\.name)
            colors = newColors.isEmpty ? previous.colors : newColors
            tokens = previous.themeTokens.isEmpty
                ? ThemeTokens.resolve(kind: kind, brands: previous.brandRefs.compactMap { Self.brand(named: $0, in: brands) },
                                      colors: previous.colors, styles: [])
                : previous.themeTokens
            for brand in newBrands { ThemeTokens.apply(brand: brand, to: &tokens) }
            ThemeTokens.apply(colors: newColors, kind: kind, to: &tokens)
            ThemeTokens.apply(styles: styles, to: &tokens)
        } else {
            styles = Style.normalise(intent.styles)
            brandRefs = newBrands.map(\.name)
            colors = newColors
            tokens = ThemeTokens.resolve(kind: kind, brands: newBrands, colors: newColors, styles: styles)
        }

        let finalLabel = label ?? previous?.label
        // A component keeps its name across versions so its file stays the same, unless it changed kind.
        let name: String
        if let old = previous?.name, previous?.component == kind {
            name = old
        } else {
            name = ComponentNamer.name(label: finalLabel, kind: kind).name
        }
        let interaction = Style.interactions.filter(styles.contains).map(\.rawValue)
        return DesignSpec(
            specID: "\(componentID).v\(version)", component: kind, themeTokens: tokens, interaction: interaction,
            styles: styles.filter { !Style.interactions.contains($0) }.map(\.rawValue), brandRefs: brandRefs,
            colors: colors, name: name, label: finalLabel, version: version,
            utteranceIDs: (previous?.utteranceIDs ?? []) + [intent.utteranceID])
    }

    /// Cited brands found in the table (by name or alias), first mention first, without repeats.
    private func uniqueBrands(_ refs: [String]) -> [Brand] {
        var seen: Set<String> = []
        return refs.compactMap { Self.brand(named: $0, in: brands) }.filter { seen.insert($0.name).inserted }
    }

    static func brand(named ref: String, in table: BrandTable) -> Brand? {
        if let b = table.brand(named: ref) { return b }
        let lower = ref.lowercased().trimmingCharacters(in: .whitespaces)
        return table.brands.first { $0.aliases.contains(lower) }
    }

    /// One line of at most `maxLabelLength` characters, or nil when nothing visible is left.
    static func cleanLabel(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let clean = JSXEscaper.clean(raw)
        guard !clean.isEmpty else { return nil }
        guard clean.count > maxLabelLength else { return clean }
        return String(clean.prefix(maxLabelLength)).trimmingCharacters(in: .whitespaces)
    }
}
