/// A terminal colour: the terminal's own default, or an index into the 256-colour palette.
public enum TermColor: Sendable, Equatable {
    case terminalDefault
    case index(Int)

    /// The nearest of the eight basic colours, for terminals that have only those.
    public var basic: TermColor {
        guard case .index(let n) = self else { return self }
        if n < 8 { return self }
        if n < 16 { return .index(n - 8) }
        let (r, g, b) = Self.rgb(n)
        if n >= 232 || (r == g && g == b) {
            return .index((r + g + b) / 3 < 60 ? 0 : 7)
        }
        let bit = { (c: Int) in c >= 128 ? 1 : 0 }
        let basic = bit(r) | bit(g) << 1 | bit(b) << 2
        // Pure black text on a dark screen would vanish: a dark colour becomes its brightest channel.
        if basic == 0 {
            let m = max(r, g, b)
            return .index(m == b ? 4 : (m == g ? 2 : 1))
        }
        return .index(basic)
    }

    /// The xterm palette's RGB for index 16...255.
    static func rgb(_ n: Int) -> (Int, Int, Int) {
        if n >= 232 {
            let v = 8 + 10 * (n - 232)
            return (v, v, v)
        }
        let levels = [0, 95, 135, 175, 215, 255]
        let i = n - 16
        return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
    }
}

/// How one role looks: colours and attributes.
public struct RoleStyle: Sendable, Equatable {
    public var foreground: TermColor = .terminalDefault
    public var background: TermColor = .terminalDefault
    public var bold = false
    public var dim = false
    public var underline = false
    public var reverse = false
    public var italic = false

    public init(foreground: TermColor = .terminalDefault, background: TermColor = .terminalDefault, bold: Bool = false,
                dim: Bool = false, underline: Bool = false, reverse: Bool = false, italic: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
        self.italic = italic
    }
}

/// A named set of role styles, read from a `Themes/<name>.theme` file.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [Role: RoleStyle]

    public init(name: String, styles: [Role: RoleStyle]) {
        self.name = name
        self.styles = styles
    }

    /// A role's style; roles a theme leaves out fall back to `text`, a speaker colour it leaves
    /// out to `speaker` (names stay set apart from what they said).
    public func style(_ role: Role) -> RoleStyle {
        if let style = styles[role] { return style }
        if Role.speakerPalette.contains(role), let speaker = styles[.speaker] { return speaker }
        return styles[.text] ?? RoleStyle()
    }

    /// Attributes alone, for NO_COLOR and monochrome terminals: every role still stays distinguishable.
    public static func monochrome(_ role: Role) -> RoleStyle {
        switch role {
        case .dim, .time, .path, .hint, .codeComment, .border, .neutral: RoleStyle(dim: true)
        case .partial: RoleStyle(dim: true, italic: true)
        case .title, .speaker, .speaker2, .speaker3, .speaker4, .speaker5, .speaker6, .component, .hintKey, .overlayTitle, .codeTag, .statusLive, .triggered: RoleStyle(bold: true)
        case .titleFocused, .selection, .tabActive, .status, .statusPaused: RoleStyle(reverse: true)
        case .borderFocused, .codeKeyword, .warning, .failed, .notice: RoleStyle(bold: true)
        case .positive, .codeString: RoleStyle(underline: true)
        default: RoleStyle()
        }
    }

    /// Used when no Themes folder can be found, so the screen never depends on an installed file.
    public static let builtIn = Theme(name: "dark", styles: [
        .text: RoleStyle(foreground: .index(252)),
        .dim: RoleStyle(foreground: .index(244)),
        .border: RoleStyle(foreground: .index(240)),
        .borderFocused: RoleStyle(foreground: .index(75), bold: true),
        .title: RoleStyle(foreground: .index(250), bold: true),
        .titleFocused: RoleStyle(foreground: .index(16), background: .index(75), bold: true),
        .speaker: RoleStyle(foreground: .index(179), bold: true),
        .speaker2: RoleStyle(foreground: .index(80), bold: true),
        .speaker3: RoleStyle(foreground: .index(77), bold: true),
        .speaker4: RoleStyle(foreground: .index(170), bold: true),
        .speaker5: RoleStyle(foreground: .index(203), bold: true),
        .speaker6: RoleStyle(foreground: .index(63), bold: true),
        .time: RoleStyle(foreground: .index(244)),
        .partial: RoleStyle(foreground: .index(244), italic: true),
        .selection: RoleStyle(foreground: .index(255), background: .index(238), bold: true),
        .status: RoleStyle(foreground: .index(252), background: .index(236)),
        .hint: RoleStyle(foreground: .index(244)),
        .hintKey: RoleStyle(foreground: .index(75), bold: true),
        .warning: RoleStyle(foreground: .index(214), bold: true),
        .codeKeyword: RoleStyle(foreground: .index(176)),
        .codeString: RoleStyle(foreground: .index(114)),
        .codeTag: RoleStyle(foreground: .index(75)),
        .codeAttribute: RoleStyle(foreground: .index(180)),
        .codeComment: RoleStyle(foreground: .index(242), italic: true),
    ])
}
