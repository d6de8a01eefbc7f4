import Core

/// The typed theme of one spec plus the class recipes every template shares (buttons,
/// surfaces, fields, focus rings, motion), so a style word means the same thing on every kind.
struct Look: Sendable {
    let kind: ComponentKind
    let primary: ColorToken
    let secondary: ColorToken
    let accent: ColorToken
    let background: ColorToken
    private(set) var text: ColorToken
    let onPrimary: ColorToken
    let radius: String
    let shadow: String
    let font: FontStack?
    let styles: Set<Style>
    /// The label heard in the meeting, already cleaned; templates fall back to their own words.
    let label: String?
    /// Prefix for element ids, from the component name: "pay-button".
    let idPrefix: String

    init(kind: ComponentKind, tokens: [String: String], styles: [Style], label: String?, name: JSIdentifier,
         specID: String) throws {
        func color(_ key: String) throws -> ColorToken {
            let raw = tokens[key] ?? ThemeTokens.defaults[key] ?? "slate-900"
            guard let c = ColorToken(parsing: raw) else {
                throw CodeGenError.badToken(specID: specID, key: key, value: raw,
                                            expected: "a hex colour (#635bff) or a Tailwind colour (purple, purple-600)")
            }
            return c
        }
        func scale(_ key: String, _ allowed: [String]) throws -> String {
            let raw = tokens[key] ?? ThemeTokens.defaults[key] ?? "none"
            let v = raw.trimmingCharacters(in: .whitespaces).lowercased()
            guard allowed.contains(v) else {
                throw CodeGenError.badToken(specID: specID, key: key, value: raw,
                                            expected: "one of " + allowed.joined(separator: " "))
            }
            return v
        }
        self.kind = kind
        primary = try color("primary")
        secondary = try color("secondary")
        accent = try color("accent")
        background = try color("background")
        text = try color("text")
        onPrimary = tokens["on_primary"] == nil ? primary.onColor : try color("on_primary")
        radius = try scale("radius", ThemeTokens.radii)
        shadow = try scale("shadow", ThemeTokens.shadows)
        if let raw = tokens["font"] {
            guard let stack = FontStack(raw) else {
                throw CodeGenError.badToken(specID: specID, key: "font", value: raw,
                                            expected: "a font-family list of plain names (Inter, sans-serif)")
            }
            font = stack
        } else {
            font = nil
        }
        self.styles = Set(styles)
        let styleSet = Set(styles)
        if Self.onPageKinds.contains(kind) {
            isDarkSurface = styleSet.contains(.dark)
        } else {
            isDarkSurface = styleSet.contains(.glass) ? styleSet.contains(.dark) || background.isDark : background.isDark
        }
        // Text must read on the surface it sits on, whatever the tokens say.
        if text.isDark == isDarkSurface {
            text = isDarkSurface ? .palette(hue: "slate", shade: 100) : .palette(hue: "slate", shade: 900)
        }
        let cleaned = label.map(JSXEscaper.clean).flatMap { $0.isEmpty ? nil : String($0.prefix(80)) }
        self.label = cleaned.map { Self.displayCase(Self.droppingKindWord($0, kind: kind)) }
        idPrefix = Self.kebab(name.name)
    }

    func has(_ style: Style) -> Bool { styles.contains(style) }

    /// The label, or the template's own default words.
    func label(or fallback: String) -> String { label ?? fallback }

    /// "pay button" on a button shows "pay": the component already says what it is.
    static func droppingKindWord(_ label: String, kind: ComponentKind) -> String {
        var words = label.split(separator: " ").map(String.init)
        let kindWords = Set([kind.rawValue] + ComponentNamer.words(of: kind.typeName).map { $0.lowercased() })
        guard words.count > 1, let last = words.last, kindWords.contains(last.lowercased()) else { return label }
        words.removeLast()
        return words.joined(separator: " ")
    }

    /// Speech arrives lower-case: "pay now" shows as "Pay now"; "iPhone" or "SIGN UP" stay as said.
    static func displayCase(_ label: String) -> String {
        guard label == label.lowercased(), let first = label.first else { return label }
        return first.uppercased() + label.dropFirst()
    }

    /// "PayButton" -> "pay-button".
    static func kebab(_ name: String) -> String {
        var out = ""
        for ch in name {
            if ch.isUppercase, !out.isEmpty { out += "-" }
            out += ch.lowercased()
        }
        return out
    }

    func id(_ suffix: String) -> String { idPrefix + "-" + suffix }

    // MARK: - Shared recipes

    /// Whether the component's text sits on a dark colour: its own painted surface, or for
    /// kinds that paint none (`onPageKinds`) the page, which is dark only when asked.
    let isDarkSurface: Bool

    /// Kinds that paint no surface of their own and sit directly on the host page, so a brand's
    /// dark page colour (Spotify, Linear) must not turn their text white on a white preview.
    static let onPageKinds: Set<ComponentKind> = [.button, .input, .search, .toggle, .progress, .avatar, .badge, .carousel]

    /// The brand's accent for small highlights (eyebrows, check marks), or the primary colour
    /// when the accent would not stand out on this surface (Stripe's navy accent on a dark page).
    var highlight: ColorToken { accent.isDark == isDarkSurface ? primary : accent }

    /// Corner rounding for controls (buttons, fields, badges).
    var controlRadius: String { "rounded-" + radius }

    /// Corner rounding for boxes: a pill-shaped card would be a stadium, so "full" becomes 3xl.
    var boxRadius: String { radius == "full" ? "rounded-3xl" : "rounded-" + radius }

    var shadowClass: String { shadow == "none" || has(.minimal) ? "" : "shadow-" + shadow }

    var fontClass: String { font?.cls ?? "" }

    var headingWeight: String { has(.bold) ? "font-extrabold tracking-tight" : "font-bold tracking-tight" }

    var controlWeight: String { has(.bold) ? "font-bold" : "font-semibold" }

    var mutedText: String { isDarkSurface ? "text-slate-300" : "text-slate-600" }

    var hairline: String {
        if has(.minimal) { return "" }
        return isDarkSurface ? "border border-white/10" : "border border-slate-200"
    }

    var focusRing: String {
        "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-offset-2 " + primary.cls("focus-visible:ring")
    }

    /// Hover and motion classes the interaction styles ask for, on a control.
    var controlMotion: String {
        var list = ClassList(["transition", "duration-200"])
        if has(.hoverScale) { list.add("hover:scale-105 active:scale-95") }
        if has(.hoverGlow) { list.add("hover:shadow-lg", primary.cls("hover:shadow", alpha: 50)) }
        if has(.animated) { list.add("transition-all duration-300 ease-out") }
        list.add("motion-reduce:transition-none motion-reduce:transform-none")
        return list.text
    }

    /// The same for boxes, gentler.
    var boxMotion: String {
        var list = ClassList()
        if has(.hoverScale) { list.add("transition-transform duration-200 hover:scale-[1.02]") }
        if has(.hoverGlow) { list.add("transition-shadow duration-200 hover:shadow-xl", primary.cls("hover:shadow", alpha: 40)) }
        if has(.animated) { list.add("transition-all duration-300 ease-out hover:-translate-y-1") }
        if !list.classes.isEmpty { list.add("motion-reduce:transition-none motion-reduce:transform-none") }
        return list.text
    }

    var stickyClass: String { has(.sticky) ? "sticky top-0 z-40" : "" }

    /// Padding and type size for a control.
    var controlSize: String {
        if has(.small) { return "px-3 py-1.5 text-sm" }
        if has(.large) { return "px-7 py-3.5 text-lg" }
        return "px-5 py-2.5 text-base"
    }

    /// The fill of the main call to action: solid, gradient, outline or ghost.
    var primaryFill: String {
        var list = ClassList()
        if has(.gradient) {
            list.add("bg-gradient-to-r", primary.cls("from"), secondary.cls("to"), onPrimary.cls("text"), "hover:brightness-110")
        } else if has(.outline) {
            list.add("border-2", primary.cls("border"), primary.cls("text"), "bg-transparent", primary.cls("hover:bg", alpha: 10))
        } else if has(.ghost) {
            list.add(primary.cls("text"), "bg-transparent", primary.cls("hover:bg", alpha: 10))
        } else if has(.glass) {
            list.add(primary.cls("bg", alpha: 70), onPrimary.cls("text"), "backdrop-blur-md", "border border-white/20",
                     primary.cls("hover:bg", alpha: 90))
        } else {
            list.add(primary.cls("bg"), onPrimary.cls("text"), primary.hover.map { $0.cls("hover:bg") } ?? "hover:brightness-110")
        }
        return list.text
    }

    /// The main call to action.
    func primaryButton(_ extra: String = "") -> ClassList {
        var list = ClassList(["inline-flex items-center justify-center gap-2", controlSize, controlRadius, controlWeight])
        list.add(primaryFill, has(.minimal) ? "" : (shadow == "none" ? "" : "shadow-sm"), focusRing, controlMotion)
        list.add("disabled:cursor-not-allowed disabled:opacity-50")
        if has(.fullWidth) { list.add("w-full") }
        list.add(extra)
        return list
    }

    /// A quieter companion action (Cancel, Learn more). `onDark` overrides the surface guess
    /// for controls that sit on the page rather than on the component's own surface.
    func secondaryButton(_ extra: String = "", onDark: Bool? = nil) -> ClassList {
        var list = ClassList(["inline-flex items-center justify-center gap-2", controlSize, controlRadius, "font-medium"])
        list.add(onDark ?? isDarkSurface ? "border border-white/20 text-white hover:bg-white/10"
                                         : "border border-slate-300 text-slate-700 hover:bg-slate-50")
        list.add(focusRing, controlMotion, extra)
        return list
    }

    /// The box a section or panel sits in: colours, border, rounding, shadow.
    func surface(_ extra: String = "") -> ClassList {
        var list = ClassList()
        if has(.glass) {
            list.add(isDarkSurface ? "bg-slate-900/60 text-white border border-white/10"
                                   : "bg-white/60 border border-white/40", "backdrop-blur-md")
            if !isDarkSurface { list.add(text.cls("text")) }
        } else {
            list.add(background.cls("bg"), text.cls("text"), hairline)
        }
        list.add(boxRadius, shadowClass, fontClass, boxMotion, extra)
        return list
    }

    /// A text field.
    func field(_ extra: String = "") -> ClassList {
        var list = ClassList(["block w-full border px-3 py-2", has(.large) ? "text-lg" : "text-sm", controlRadius])
        list.add(isDarkSurface ? "bg-white/5 border-white/15 text-white placeholder:text-slate-500"
                               : "bg-white border-slate-300 text-slate-900 placeholder:text-slate-400")
        list.add("focus:outline-none focus:ring-2", primary.cls("focus:ring"), primary.cls("focus:border"),
                 "transition duration-150 motion-reduce:transition-none", extra)
        return list
    }

    /// The label above a field.
    var fieldLabel: ClassList {
        ClassList(["block text-sm font-medium", isDarkSurface ? "text-slate-200" : "text-slate-700"])
    }

    /// A link in a navigation list.
    func navLink(_ extra: String = "") -> ClassList {
        ClassList(["text-sm font-medium", isDarkSurface ? "text-slate-300" : "text-slate-600",
                   primary.isDark || !isDarkSurface ? primary.cls("hover:text") : "hover:text-white",
                   "rounded-md", focusRing, "transition-colors", extra])
    }

    /// A link on a gradient of the primary colours, where page link colours would vanish.
    func linkOnPrimary(_ extra: String = "") -> ClassList {
        ClassList(["rounded-md text-sm font-medium opacity-90 hover:opacity-100 transition-opacity", onPrimary.cls("text"),
                   focusRing, extra])
    }

    /// Outer width: full-width styles stretch, others sit at a readable measure, centred if asked.
    func width(_ maxWidth: String) -> String {
        if has(.fullWidth) { return "w-full" }
        return "w-full " + maxWidth + (has(.centered) ? " mx-auto" : "")
    }

    var centeredText: String { has(.centered) ? "text-center" : "" }
}
