import Core

/// The plain words people and models write in a spec's `theme_tokens` (the original design
/// calls it a dict of any values): `"radius": "pill"`, `"shadow": "soft"`, `"size": "large"`,
/// `"gradient": "purple-blue"`. Each is mapped onto MockPilot's scale instead of refused; a value
/// that means nothing still gets `CodeGenError.badToken` from `Look`.
extension ThemeTokens {
    /// A radius word ("pill", "rounded", "square", "8px") on the radius scale.
    static func radius(word v: String) -> String? {
        switch v {
        case "pill", "pill-shaped", "round", "circle", "circular", "capsule": return "full"
        case "rounded", "soft", "smooth": return "xl"
        case "square", "sharp", "squared", "flat": return "none"
        case "small", "slight", "subtle": return "sm"
        case "medium", "default", "normal": return "md"
        case "large", "big": return "lg"
        default: return pixels(v).map(radius(pixels:))
        }
    }

    /// A shadow word ("soft", "strong", "flat") on the shadow scale.
    static func shadow(word v: String) -> String? {
        switch v {
        case "soft", "subtle", "light", "small", "slight": return "sm"
        case "medium", "default", "normal": return "md"
        case "large", "big", "elevated", "raised": return "lg"
        case "strong", "heavy", "deep", "hard", "dramatic": return "xl"
        case "flat", "off", "no", "false": return "none"
        default: return nil
        }
    }

    /// "8px", "8" or "0.5rem" as pixels.
    private static func pixels(_ v: String) -> Double? {
        let number: Double?
        if v.hasSuffix("rem") {
            number = Double(v.dropLast(3)).map { $0 * 16 }
        } else {
            number = Double(v.hasSuffix("px") ? String(v.dropLast(2)) : v)
        }
        guard let number, number.isFinite, number >= 0 else { return nil }
        return number
    }

    /// The nearest step of Tailwind's radius scale (rounded-sm is 2 px ... rounded-3xl 24 px).
    private static func radius(pixels: Double) -> String {
        let steps: [(String, Double)] = [("none", 0), ("sm", 2), ("md", 6), ("lg", 8), ("xl", 12), ("2xl", 16), ("3xl", 24)]
        if pixels > 48 { return "full" }
        return steps.min { abs($0.1 - pixels) < abs($1.1 - pixels) }?.0 ?? "md"
    }

    /// A spec's own tokens in the form `Look` reads: words mapped onto the scale, and a
    /// "gradient" of two colours ("purple-blue", "purple to blue") as primary and secondary.
    /// Explicit primary/secondary tokens win over the gradient's.
    public static func given(_ tokens: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        if let gradient = tokens["gradient"] {
            let colors = gradientColors(gradient)
            if let first = colors.first {
                result["primary"] = first.token
                result["secondary"] = (colors.count > 1 ? colors[1] : first.partner).token
            }
        }
        for (key, value) in tokens where key != "gradient" {
            result[key] = canonical(key: key, value: value) ?? value
        }
        return result
    }

    /// Styles a spec's tokens ask for: "size": "large" is the large style, a gradient the gradient style.
    static func impliedStyles(_ tokens: [String: String]) -> [String] {
        var words: [String] = []
        if let size = tokens["size"], let style = Style(word: size), style == .large || style == .small { words.append(style.rawValue) }
        if let gradient = tokens["gradient"], !gradientColors(gradient).isEmpty { words.append(Style.gradient.rawValue) }
        return words
    }

    /// The colours of "purple-blue", "purple to blue", "indigo-600, sky-400", in order.
    static func gradientColors(_ text: String) -> [ColorToken] {
        let words = text.lowercased().split(whereSeparator: { " -,>/→".contains($0) }).map(String.init).filter { $0 != "to" }
        var colors: [ColorToken] = []
        var i = 0
        while i < words.count, colors.count < 3 {
            // "purple-600" splits into two words that are one colour.
            if i + 1 < words.count, let two = ColorToken(parsing: words[i] + "-" + words[i + 1]) {
                colors.append(two)
                i += 2
            } else {
                if let one = ColorToken(parsing: words[i]) { colors.append(one) }
                i += 1
            }
        }
        return colors
    }
}
