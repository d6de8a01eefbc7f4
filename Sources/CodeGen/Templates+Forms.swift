/// Things people type into or pick from: input, form, login, checkout, search, dropdown.
extension Templates {
    /// The input type, autocomplete hint and placeholder a spoken label implies.
    static func inputKind(for label: String) -> (type: String, name: String, autoComplete: String?, placeholder: String) {
        let words = Set(ComponentNamer.words(of: label).map { $0.lowercased() })
        if words.contains("password") { return ("password", "password", "current-password", "••••••••") }
        if words.contains("email") || words.contains("mail") { return ("email", "email", "email", "you@example.com") }
        if words.contains("phone") || words.contains("mobile") { return ("tel", "phone", "tel", "+1 555 010 0199") }
        if words.contains("search") { return ("search", "q", nil, "Search…") }
        if words.contains("name") { return ("text", "name", "name", "Ada Lovelace") }
        if words.contains("website") || words.contains("url") { return ("url", "website", "url", "https://example.com") }
        return ("text", "value", nil, "Type here…")
    }

    static func input(_ look: Look) -> Template {
        let label = look.label(or: "Email address")
        let kind = inputKind(for: label)
        let inputID = look.id("input")
        let hintID = look.id("hint")
        var attrs: [JSXAttribute] = [.str("id", inputID), .str("name", kind.name), .str("type", kind.type)]
        if let auto = kind.autoComplete { attrs.append(.str("autoComplete", auto)) }
        attrs += [.str("placeholder", kind.placeholder), .str("aria-describedby", hintID), .cls(look.field(look.shadowClass))]
        return Template(body: JSXElement(.div, [.cls(ClassList([look.width("max-w-sm"), "space-y-1.5", look.fontClass]))], [
            .el(.label, [.str("htmlFor", inputID), .cls(look.fieldLabel)], [.text(label)]),
            .el(.input, attrs),
            .el(.p, [.str("id", hintID), .cls(ClassList(["text-xs", look.mutedText]))],
                [.text(kind.type == "password" ? "At least 8 characters." : "We'll never share this with anyone.")]),
        ]))
    }

    static func form(_ look: Look) -> Template {
        let titleID = look.id("title")
        let messageID = look.id("message")
        return Template(body: JSXElement(.form, [
            .str("aria-labelledby", titleID), .expr("onSubmit", .handler(.preventDefault)),
            .cls(look.surface(look.width("max-w-lg") + " space-y-5 p-6 " + look.centeredText)),
        ], [
            .el(.div, [.cls(["space-y-1"])], [
                heading(.h2, look, id: titleID, look.label(or: "Contact us"), size: look.has(.large) ? "text-2xl" : "text-xl"),
                paragraph(look, "We usually reply within one business day."),
            ]),
            field(look, id: look.id("name"), label: "Name", type: "text", name: "name", autoComplete: "name",
                  placeholder: "Ada Lovelace", extra: [JSXAttribute("required", .present)]),
            field(look, id: look.id("email"), label: "Email", type: "email", name: "email", autoComplete: "email",
                  placeholder: "you@example.com", extra: [JSXAttribute("required", .present)]),
            .el(.div, [.cls(["space-y-1.5"])], [
                .el(.label, [.str("htmlFor", messageID), .cls(look.fieldLabel)], [.text("Message")]),
                .el(.textarea, [.str("id", messageID), .str("name", "message"), .expr("rows", .number(4)),
                                .cls(look.field("resize-y"))]),
            ]),
            .el(.button, [.str("type", "submit"), .cls(look.primaryButton())], [.text("Send message")]),
        ]))
    }

    static func login(_ look: Look) -> Template {
        let titleID = look.id("title")
        let rememberID = look.id("remember")
        return Template(body: JSXElement(.form, [
            .str("aria-labelledby", titleID), .expr("onSubmit", .handler(.preventDefault)),
            .cls(look.surface(look.width("max-w-sm") + " space-y-5 p-8")),
        ], [
            .el(.div, [.cls(ClassList(["space-y-1", look.centeredText]))], [
                heading(.h2, look, id: titleID, look.label(or: "Sign in"), size: look.has(.large) ? "text-3xl" : "text-2xl"),
                paragraph(look, "Welcome back. Enter your details to continue."),
            ]),
            field(look, id: look.id("email"), label: "Email", type: "email", name: "email", autoComplete: "email",
                  placeholder: "you@example.com", extra: [JSXAttribute("required", .present)]),
            field(look, id: look.id("password"), label: "Password", type: "password", name: "password",
                  autoComplete: "current-password", placeholder: "••••••••", extra: [JSXAttribute("required", .present)]),
            .el(.div, [.cls(["flex items-center justify-between text-sm"])], [
                .el(.label, [.str("htmlFor", rememberID), .cls(ClassList(["flex items-center gap-2", look.mutedText]))], [
                    .el(.input, [.str("id", rememberID), .str("type", "checkbox"), .str("name", "remember"),
                                 .cls(ClassList(["h-4 w-4 rounded border-slate-300", look.primary.cls("accent")]))]),
                    .text("Remember me"),
                ]),
                link(look, "Forgot password?"),
            ]),
            .el(.button, [.str("type", "submit"), .cls(look.primaryButton("w-full"))], [.text("Sign in")]),
            .el(.p, [.cls(ClassList(["text-center text-sm", look.mutedText]))], [
                .text("No account yet?"), space, link(look, "Create one"),
            ]),
        ]))
    }

    static func checkout(_ look: Look) -> Template {
        let titleID = look.id("title")
        func row(_ left: String, _ right: String, strong: Bool = false) -> JSXNode {
            .el(.div, [.cls(ClassList(["flex justify-between", strong ? "font-semibold" : look.mutedText]))], [
                .el(.span, [], [.text(left)]), .el(.span, [.cls(["tabular-nums"])], [.text(right)]),
            ])
        }
        return Template(body: JSXElement(.form, [
            .str("aria-labelledby", titleID), .expr("onSubmit", .handler(.preventDefault)),
            .cls(look.surface(look.width("max-w-md") + " space-y-6 p-6")),
        ], [
            heading(.h2, look, id: titleID, look.label(or: "Checkout"), size: look.has(.large) ? "text-3xl" : "text-2xl"),
            .el(.section, [.str("aria-label", "Order summary"),
                           .cls(ClassList(["space-y-2 text-sm", look.isDarkSurface ? "border-y border-white/10" : "border-y border-slate-200", "py-4"]))], [
                row("Pro plan, billed monthly", "$49.00"),
                row("Tax", "$0.00"),
                row("Total", "$49.00", strong: true),
            ]),
            field(look, id: look.id("email"), label: "Email", type: "email", name: "email", autoComplete: "email",
                  placeholder: "you@example.com", extra: [JSXAttribute("required", .present)]),
            field(look, id: look.id("card"), label: "Card number", type: "text", name: "card", autoComplete: "cc-number",
                  placeholder: "1234 1234 1234 1234", extra: [.str("inputMode", "numeric"), JSXAttribute("required", .present)]),
            .el(.div, [.cls(["grid grid-cols-2 gap-4"])], [
                field(look, id: look.id("expiry"), label: "Expiry", type: "text", name: "expiry", autoComplete: "cc-exp",
                      placeholder: "MM / YY", extra: [JSXAttribute("required", .present)]),
                field(look, id: look.id("cvc"), label: "CVC", type: "text", name: "cvc", autoComplete: "cc-csc",
                      placeholder: "123", extra: [.str("inputMode", "numeric"), JSXAttribute("required", .present)]),
            ]),
            field(look, id: look.id("holder"), label: "Name on card", type: "text", name: "holder", autoComplete: "cc-name",
                  placeholder: "Ada Lovelace"),
            .el(.button, [.str("type", "submit"), .cls(look.primaryButton("w-full"))], [.text("Pay $49.00")]),
        ]))
    }

    static func search(_ look: Look) -> Template {
        let inputID = look.id("query")
        var box = ClassList(["flex items-center gap-2", look.width("max-w-lg"), look.fontClass, look.stickyClass])
        if look.has(.glass) { box.add("rounded-2xl bg-white/40 p-2 backdrop-blur-md") }
        return Template(body: JSXElement(.form, [
            .str("role", "search"), .expr("onSubmit", .handler(.preventDefault)), .cls(box),
        ], [
            .el(.label, [.str("htmlFor", inputID), .cls(["sr-only"])], [.text("Search")]),
            .el(.input, [.str("id", inputID), .str("name", "q"), .str("type", "search"),
                         .str("placeholder", look.label.map { "Search \($0)" } ?? "Search…"),
                         .cls(look.field(look.shadowClass))]),
            .el(.button, [.str("type", "submit"), .cls(look.primaryButton("shrink-0"))], [.text("Search")]),
        ]))
    }

    static func dropdown(_ look: Look) -> Template {
        let open = StateHook("open", initial: .bool(false))
        let buttonID = look.id("button")
        let menuID = look.id("menu")
        var menu = look.surface("absolute left-0 z-50 mt-2 w-56 origin-top-left p-1")
        if look.shadowClass.isEmpty { menu.add("shadow-lg") }
        let items = ["Edit", "Duplicate", "Archive", "Delete"].map { item -> JSXNode in
            .el(.li, [.str("role", "none")], [
                .el(.button, [
                    .str("type", "button"), .str("role", "menuitem"), .expr("onClick", set(open, .bool(false))),
                    .cls(ClassList(["block w-full px-3 py-2 text-left text-sm", look.has(.square) ? "rounded-none" : "rounded-md",
                                    item == "Delete" ? "text-red-600" : "",
                                    look.primary.cls("hover:bg", alpha: 10), look.primary.cls("focus-visible:bg", alpha: 10),
                                    "focus-visible:outline-none"])),
                ], [.text(item)]),
            ])
        }
        return Template(states: [open], body: JSXElement(.div, [
            .expr("onKeyDown", .handler(.closeOnEscape(open.setter))),
            .cls(ClassList(["relative inline-block text-left", look.fontClass])),
        ], [
            .el(.button, [
                .str("type", "button"), .str("id", buttonID), .str("aria-haspopup", "menu"),
                .expr("aria-expanded", .identifier(open.value)), .str("aria-controls", menuID),
                .expr("onClick", flip(open)),
                // The trigger sits on the page; only the open menu paints the brand's surface.
                .cls(look.has(.outline) || look.has(.ghost) || look.has(.gradient) ? look.primaryButton()
                                                                                  : look.secondaryButton(onDark: look.has(.dark))),
            ], [.text(look.label(or: "Options")), glyph("▾", ["text-xs"])]),
            .expression(.show(.identifier(open.value), JSXElement(.ul, [
                .str("id", menuID), .str("role", "menu"), .str("aria-labelledby", buttonID), .cls(menu),
            ], items))),
        ]))
    }
}
