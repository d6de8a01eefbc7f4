import Core

/// What a template returns: the component's state hooks and its markup.
struct Template: Sendable {
    var states: [StateHook] = []
    var renderOnlyIf: JSIdentifier?
    var body: JSXElement
}

/// One template per `ComponentKind`. Templates only assemble `JSXNode`s from the `Look`'s
/// recipes; they never format strings into source, which is what keeps the output safe.
enum Templates {
    static func template(for kind: ComponentKind, _ look: Look) -> Template {
        switch kind {
        case .button: button(look)
        case .badge: badge(look)
        case .avatar: avatar(look)
        case .progress: progress(look)
        case .tooltip: tooltip(look)
        case .toggle: toggle(look)
        case .alert: alert(look)
        case .input: input(look)
        case .form: form(look)
        case .login: login(look)
        case .checkout: checkout(look)
        case .search: search(look)
        case .dropdown: dropdown(look)
        case .navbar: navbar(look)
        case .footer: footer(look)
        case .sidebar: sidebar(look)
        case .hero: hero(look)
        case .card: card(look)
        case .list: list(look)
        case .table: table(look)
        case .modal: modal(look)
        case .tabs: tabs(look)
        case .carousel: carousel(look)
        case .pricing: pricing(look)
        }
    }

    // MARK: - Pieces several templates share

    static func text(_ s: String) -> JSXNode { .text(s) }

    /// `{" "}`: keeps the space between inline text and a link, which JSX drops at line breaks.
    static var space: JSXNode { .expression(.string(" ")) }

    /// A decorative glyph hidden from screen readers.
    static func glyph(_ s: String, _ classes: ClassList = []) -> JSXNode {
        var attrs: [JSXAttribute] = [.ariaHidden]
        if !classes.classes.isEmpty { attrs.append(.cls(classes)) }
        return .el(.span, attrs, s.isEmpty ? [] : [.text(s)])
    }

    /// A labelled text field: `<label htmlFor>` + `<input id>`.
    static func field(_ look: Look, id: String, label: String, type: String, name: String,
                      autoComplete: String?, placeholder: String?, extra: [JSXAttribute] = []) -> JSXNode {
        var attrs: [JSXAttribute] = [.str("id", id), .str("name", name), .str("type", type)]
        if let autoComplete { attrs.append(.str("autoComplete", autoComplete)) }
        if let placeholder { attrs.append(.str("placeholder", placeholder)) }
        attrs += extra
        attrs.append(.cls(look.field()))
        return .el(.div, [.cls(["space-y-1.5"])], [
            .el(.label, [.str("htmlFor", id), .cls(look.fieldLabel)], [.text(label)]),
            .el(.input, attrs),
        ])
    }

    /// A title with its id, for `aria-labelledby`.
    static func heading(_ tag: JSXTag, _ look: Look, id: String?, _ title: String, size: String) -> JSXNode {
        var attrs: [JSXAttribute] = []
        if let id { attrs.append(.str("id", id)) }
        attrs.append(.cls(ClassList([size, look.headingWeight])))
        return .el(tag, attrs, [.text(title)])
    }

    static func paragraph(_ look: Look, _ s: String, _ extra: String = "") -> JSXNode {
        .el(.p, [.cls(ClassList(["text-sm", look.mutedText, extra]))], [.text(s)])
    }

    /// `<a href="#">` styled as a navigation link.
    static func link(_ look: Look, _ title: String, current: Bool = false, _ extra: String = "") -> JSXNode {
        var attrs: [JSXAttribute] = [.str("href", "#")]
        if current { attrs.append(.str("aria-current", "page")) }
        attrs.append(.cls(look.navLink(extra)))
        return .el(.a, attrs, [.text(title)])
    }

    /// Two-letter initials of a name, for avatars.
    static func initials(_ name: String) -> String {
        let words = ComponentNamer.words(of: name).filter { $0.first?.isLetter ?? false }
        let letters = words.prefix(2).compactMap(\.first).map { String($0).uppercased() }
        return letters.isEmpty ? "?" : letters.joined()
    }

    /// `() => setter(value)`
    static func set(_ hook: StateHook, _ value: JSExpr) -> JSExpr {
        .handler(.set(hook.setter, value))
    }

    /// `() => setter(!value)`
    static func flip(_ hook: StateHook) -> JSExpr {
        .handler(.set(hook.setter, .not(.identifier(hook.value))))
    }
}
