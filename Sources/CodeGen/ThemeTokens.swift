import Brands
import Core
import Foundation

/// Builds a spec's `theme_tokens` in the order the design asks for: defaults, then brand
/// tokens, then spoken colours, then styles, each step overriding the one before.
/// Values are canonical (`#635bff`, `purple-600`, `white`, `lg`); anything a brand file holds
/// that MockPilot cannot use is skipped, so a typo in a user's YAML never breaks a component.
public enum ThemeTokens {
    public static let colorKeys = ["primary", "secondary", "accent", "background", "text", "on_primary"]
    public static let radii = ["none", "sm", "md", "lg", "xl", "2xl", "3xl", "full"]
    public static let shadows = ["none", "sm", "md", "lg", "xl", "2xl"]

    /// A neutral, readable starting point: indigo on white.
    public static let defaults: [String: String] = [
        "primary": "indigo-600", "secondary": "violet-500", "accent": "sky-500",
        "background": "white", "text": "slate-900", "radius": "lg", "shadow": "md",
    ]

    /// The defaults for one kind: tooltips are dark unless asked otherwise.
    public static func defaults(for kind: ComponentKind) -> [String: String] {
        var d = defaults
        if kind == .tooltip {
            d["background"] = "slate-900"
            d["text"] = "white"
        }
        return d
    }

    /// Kinds whose own surface is what a plain white/black/grey request colours ("make the navbar white").
    static let surfaceKinds: Set<ComponentKind> = [.navbar, .footer, .sidebar, .card, .modal, .tooltip, .hero]

    /// Tokens for a spec built from scratch.
    public static func resolve(kind: ComponentKind, brands: [Brand], colors: [String], styles: [Style]) -> [String: String] {
        var tokens = defaults(for: kind)
        for brand in brands { apply(brand: brand, to: &tokens) }
        apply(colors: colors, kind: kind, to: &tokens)
        apply(styles: styles, to: &tokens)
        return tokens
    }

    /// Copies the brand's usable tokens.
    public static func apply(brand: Brand, to tokens: inout [String: String]) {
        for key in brand.tokens.keys.sorted() {
            guard let value = brand.tokens[key], let canonical = canonical(key: key, value: value) else { continue }
            tokens[key] = canonical
        }
    }

    /// Spoken colours: the first brand colour is primary, a second is the gradient partner,
    /// a third the accent. White/black/grey colour a surface kind's background, or on other
    /// kinds the text on the primary colour ("indigo background, white label").
    public static func apply(colors: [String], kind: ComponentKind, to tokens: inout [String: String]) {
        let parsed = colors.compactMap(ColorToken.init(parsing:))
        guard !parsed.isEmpty else { return }
        let chromatic = parsed.filter { !$0.isNeutral }
        let neutrals = parsed.filter(\.isNeutral)
        if let first = chromatic.first {
            tokens["primary"] = first.token
            tokens["secondary"] = (chromatic.count > 1 ? chromatic[1] : first.partner).token
            if chromatic.count > 2 { tokens["accent"] = chromatic[2].token }
            tokens["on_primary"] = nil
            if let n = neutrals.first {
                if surfaceKinds.contains(kind) {
                    setBackground(n, &tokens)
                } else if n.isDark != first.isDark {
                    tokens["on_primary"] = n.token
                }
            }
        } else if let n = neutrals.first {
            if surfaceKinds.contains(kind) {
                setBackground(n, &tokens)
                if neutrals.count > 1 { tokens["text"] = neutrals[1].token }
            } else {
                tokens["primary"] = n.token
                tokens["secondary"] = n.partner.token
                tokens["on_primary"] = nil
                if neutrals.count > 1 { setBackground(neutrals[1], &tokens) }
            }
        }
    }

    /// What each style means for the tokens; the other styles only change classes.
    public static func apply(styles: [Style], to tokens: inout [String: String]) {
        for style in styles {
            switch style {
            case .pill: tokens["radius"] = "full"
            case .square: tokens["radius"] = "none"
            case .rounded:
                if !["lg", "xl", "2xl", "3xl"].contains(tokens["radius"] ?? "") { tokens["radius"] = "xl" }
            case .shadow:
                if !["lg", "xl", "2xl"].contains(tokens["shadow"] ?? "") { tokens["shadow"] = "lg" }
            case .minimal:
                tokens["shadow"] = "none"
            case .dark:
                if !(ColorToken(parsing: tokens["background"] ?? "")?.isDark ?? false) {
                    tokens["background"] = "slate-900"
                    tokens["text"] = "slate-100"
                }
            case .light:
                if ColorToken(parsing: tokens["background"] ?? "")?.isDark ?? false {
                    tokens["background"] = "white"
                    tokens["text"] = "slate-900"
                }
            default:
                break
            }
        }
    }

    private static func setBackground(_ color: ColorToken, _ tokens: inout [String: String]) {
        tokens["background"] = color.token
        tokens["text"] = color.isDark ? "slate-100" : "slate-900"
    }

    /// The canonical form of one token, or nil when MockPilot cannot use the value.
    public static func canonical(key: String, value: String) -> String? {
        let v = value.trimmingCharacters(in: .whitespaces).lowercased()
        switch key {
        case _ where colorKeys.contains(key):
            return ColorToken(parsing: v)?.token
        case "radius":
            return radii.contains(v) ? v : radius(word: v)
        case "shadow":
            return shadows.contains(v) ? v : shadow(word: v)
        case "font":
            return FontStack(value)?.text
        default:
            return nil
        }
    }
}
