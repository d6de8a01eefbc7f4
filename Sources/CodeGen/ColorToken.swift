import Foundation

/// A colour a component can use: a Tailwind palette colour, white/black, or a hex value
/// (printed as an arbitrary value, `bg-[#635bff]`). Parsing is strict, so only these shapes
/// ever reach a class name.
public enum ColorToken: Sendable, Hashable {
    case palette(hue: String, shade: Int)
    case white
    case black
    /// Lower-case `#rrggbb`.
    case hex(String)

    static let hues: Set<String> = [
        "slate", "gray", "zinc", "neutral", "stone", "red", "orange", "amber", "yellow", "lime", "green",
        "emerald", "teal", "cyan", "sky", "blue", "indigo", "violet", "purple", "fuchsia", "pink", "rose",
    ]
    static let shades = [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950]
    static let neutralHues: Set<String> = ["slate", "gray", "zinc", "neutral", "stone"]
    /// Hues that are still light at shade 500-600, so they take dark text.
    static let lightHues: Set<String> = ["yellow", "amber", "lime"]

    /// Colour words people say that are not Tailwind hue names.
    static let synonyms: [String: ColorToken] = [
        "grey": .palette(hue: "gray", shade: 500), "navy": .palette(hue: "blue", shade: 900),
        "magenta": .palette(hue: "fuchsia", shade: 600), "gold": .palette(hue: "amber", shade: 400),
        "turquoise": .palette(hue: "teal", shade: 400), "mint": .palette(hue: "emerald", shade: 300),
        "beige": .palette(hue: "stone", shade: 200), "brown": .palette(hue: "amber", shade: 800),
        "maroon": .palette(hue: "red", shade: 900), "crimson": .palette(hue: "red", shade: 700),
        "coral": .palette(hue: "rose", shade: 400), "lavender": .palette(hue: "violet", shade: 300),
        "silver": .palette(hue: "gray", shade: 300), "charcoal": .palette(hue: "gray", shade: 800),
        "olive": .palette(hue: "lime", shade: 800), "aqua": .palette(hue: "cyan", shade: 400),
        "teal": .palette(hue: "teal", shade: 600), "peach": .palette(hue: "orange", shade: 200),
    ]

    /// Parses a token or a spoken colour: "#635BFF", "#fff", "purple", "purple-500", "light blue",
    /// "dark-green", "white". nil for anything else.
    public init?(parsing raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if text.hasPrefix("#") {
            let digits = text.dropFirst()
            guard digits.allSatisfy(\.isHexDigit), digits.allSatisfy(\.isASCII) else { return nil }
            switch digits.count {
            case 6: self = .hex(text)
            case 3: self = .hex("#" + digits.map { "\($0)\($0)" }.joined())
            default: return nil
            }
            return
        }
        if text == "white" { self = .white; return }
        if text == "black" { self = .black; return }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).map(String.init)
        guard let first = words.first else { return nil }
        // "purple-500"
        if words.count == 2, Self.hues.contains(first), let shade = Int(words[1]), Self.shades.contains(shade) {
            self = .palette(hue: first, shade: shade)
            return
        }
        // "light blue", "dark green"
        if words.count == 2, first == "light" || first == "dark", let base = ColorToken(parsing: words[1]),
           case .palette(let hue, _) = base {
            self = .palette(hue: hue, shade: first == "light" ? 300 : 800)
            return
        }
        guard words.count == 1 else { return nil }
        if let known = Self.synonyms[first] { self = known; return }
        guard Self.hues.contains(first) else { return nil }
        self = .palette(hue: first, shade: Self.lightHues.contains(first) ? 400 : 600)
    }

    /// How the token is written in `theme_tokens`.
    public var token: String {
        switch self {
        case .palette(let hue, let shade): "\(hue)-\(shade)"
        case .white: "white"
        case .black: "black"
        case .hex(let h): h
        }
    }

    /// The utility for this colour: `cls("bg")` -> "bg-purple-600" or "bg-[#635bff]".
    public func cls(_ prefix: String) -> String {
        switch self {
        case .hex(let h): "\(prefix)-[\(h)]"
        default: "\(prefix)-\(token)"
        }
    }

    /// With an opacity modifier: `cls("bg", alpha: 10)` -> "bg-purple-600/10".
    public func cls(_ prefix: String, alpha: Int) -> String {
        cls(prefix) + "/\(alpha)"
    }

    /// White and grey shades, which read as surfaces rather than brand colours.
    public var isNeutral: Bool {
        switch self {
        case .white, .black: true
        case .palette(let hue, _): Self.neutralHues.contains(hue)
        case .hex: false
        }
    }

    /// Whether white text reads better on it than near-black text.
    public var isDark: Bool {
        switch self {
        case .white: return false
        case .black: return true
        case .palette(let hue, let shade):
            if Self.lightHues.contains(hue) { return shade >= 700 }
            if ["cyan", "sky", "emerald", "green", "teal", "orange", "lime"].contains(hue) { return shade >= 600 }
            return shade >= 500
        case .hex(let h):
            // WCAG: white wins over #0f172a exactly when relative luminance is below about 0.2.
            return Self.luminance(h) < 0.2
        }
    }

    /// The colour a hover state darkens (or lightens) to; nil for hex, which uses a brightness filter.
    public var hover: ColorToken? {
        switch self {
        case .white: .palette(hue: "gray", shade: 100)
        case .black: .palette(hue: "gray", shade: 800)
        case .palette(let hue, let shade):
            .palette(hue: hue, shade: shade >= 900 ? 800 : Self.shades.first { $0 > shade } ?? shade)
        case .hex: nil
        }
    }

    /// A lighter partner for gradients when only one colour was given.
    public var partner: ColorToken {
        switch self {
        case .white: .palette(hue: "gray", shade: 200)
        case .black: .palette(hue: "gray", shade: 700)
        case .palette(let hue, let shade): .palette(hue: hue, shade: shade >= 600 ? 400 : 200)
        case .hex(let h): .hex(Self.mix(h, towardWhite: 0.4))
        }
    }

    /// A shade of the same colour that reads as text on a light tint of it (badges, alerts).
    public var strong: ColorToken {
        switch self {
        case .white: .palette(hue: "slate", shade: 700)
        case .black: .black
        case .palette(let hue, let shade): .palette(hue: hue, shade: max(shade, 700))
        case .hex: isDark ? self : .palette(hue: "slate", shade: 900)
        }
    }

    /// The readable text colour on top of this one.
    public var onColor: ColorToken {
        isDark ? .white : .palette(hue: "slate", shade: 900)
    }

    static func components(_ hex: String) -> [Double] {
        let digits = Array(hex.dropFirst())
        return stride(from: 0, to: 6, by: 2).map { i in
            Double(Int(String(digits[i...i + 1]), radix: 16) ?? 0) / 255
        }
    }

    static func luminance(_ hex: String) -> Double {
        let linear = components(hex).map { c in c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func mix(_ hex: String, towardWhite amount: Double) -> String {
        "#" + components(hex).map { c in
            let v = Int(((c + (1 - c) * amount) * 255).rounded())
            let s = String(v, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }
}
