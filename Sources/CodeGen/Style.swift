/// The style words MockPilot understands, in the canonical order specs list them.
public enum Style: String, Sendable, Hashable, CaseIterable {
    case pill, rounded, square, gradient, shadow, outline, ghost, dark, light, glass, minimal, bold, large, small
    case hoverScale = "hover-scale"
    case hoverGlow = "hover-glow"
    case animated, sticky
    case fullWidth = "full-width"
    case centered

    /// Styles that cannot hold at once: asking for one drops the others ("dark" replaces "light").
    static let conflicts: [Set<Style>] = [
        [.pill, .rounded, .square],
        [.dark, .light],
        [.large, .small],
        [.gradient, .outline, .ghost],
        [.minimal, .bold],
        [.minimal, .shadow],
        [.minimal, .hoverGlow],
    ]

    /// Styles that are interaction effects rather than looks; they go to the spec's `interaction`.
    static let interactions: [Style] = [.hoverScale, .hoverGlow, .animated, .sticky]

    /// Accepts the canonical word and a few spellings people and other stages use.
    public init?(word: String) {
        let w = word.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        if let s = Style(rawValue: w) { self = s; return }
        // Tailwind-style effects as the original design writes them: "hover:scale-105".
        if w.hasPrefix("hover:scale") || w.hasPrefix("hover:-translate") { self = .hoverScale; return }
        if w.hasPrefix("hover:shadow") || w.hasPrefix("hover:glow") || w.hasPrefix("hover:ring") { self = .hoverGlow; return }
        if w.hasPrefix("animate-") || w.hasPrefix("transition") { self = .animated; return }
        switch w {
        case "pill-shaped", "pills": self = .pill
        case "round", "rounded-corners": self = .rounded
        case "sharp", "square-corners": self = .square
        case "shadowed", "elevated", "drop-shadow": self = .shadow
        case "outlined", "bordered": self = .outline
        case "transparent": self = .ghost
        case "dark-mode": self = .dark
        case "light-mode": self = .light
        case "glassmorphism", "frosted", "frosted-glass": self = .glass
        case "clean", "simple": self = .minimal
        case "big", "bigger", "larger": self = .large
        case "tiny", "smaller", "compact": self = .small
        case "scale", "grow-on-hover": self = .hoverScale
        case "glow": self = .hoverGlow
        case "animation", "animate": self = .animated
        case "fixed": self = .sticky
        case "fullwidth", "wide", "full-bleed": self = .fullWidth
        case "center", "centred": self = .centered
        default: return nil
        }
    }

    /// Known styles of `words` in canonical order; unknown words are dropped, and when two
    /// conflict the one later in `words` wins.
    static func normalise(_ words: [String]) -> [Style] {
        var chosen: [Style] = []
        for word in words {
            guard let style = Style(word: word) else { continue }
            chosen = merge(chosen, adding: [style])
        }
        return canonical(chosen)
    }

    /// `old` with `new` added; a new style removes every old one it conflicts with.
    static func merge(_ old: [Style], adding new: [Style]) -> [Style] {
        var result = Set(old)
        for style in new {
            for group in conflicts where group.contains(style) {
                result.subtract(group)
            }
        }
        // A later word in the same request also beats an earlier conflicting one.
        var added: [Style] = []
        for style in new {
            for group in conflicts where group.contains(style) {
                added.removeAll { group.contains($0) }
            }
            added.append(style)
        }
        return canonical(Array(result.union(added)))
    }

    static func canonical(_ styles: [Style]) -> [Style] {
        let set = Set(styles)
        return allCases.filter { set.contains($0) }
    }
}
