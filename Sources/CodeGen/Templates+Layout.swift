/// Page structure and content blocks: navbar, footer, sidebar, hero, card, list, table.
extension Templates {
    static func navbar(_ look: Look) -> Template {
        var bar = ClassList(["w-full", look.stickyClass, look.fontClass])
        if look.has(.glass) {
            bar.add(look.isDarkSurface ? "bg-slate-900/60 text-white" : "bg-white/60", "backdrop-blur-md",
                    look.isDarkSurface ? "border-b border-white/10" : "border-b border-white/40")
        } else if look.has(.gradient) {
            bar.add("bg-gradient-to-r", look.primary.cls("from"), look.secondary.cls("to"), look.onPrimary.cls("text"))
        } else {
            bar.add(look.background.cls("bg"), look.text.cls("text"),
                    look.has(.minimal) ? "" : (look.isDarkSurface ? "border-b border-white/10" : "border-b border-slate-200"))
        }
        bar.add(look.shadowClass)
        let height = look.has(.large) ? "h-20" : look.has(.small) ? "h-12" : "h-16"
        let onGradient = look.has(.gradient)
        let links = ["Product", "Pricing", "Docs", "Blog"].enumerated().map { i, title -> JSXNode in
            guard onGradient else { return .el(.li, [], [link(look, title, current: i == 0)]) }
            // Page-surface link colours vanish on a gradient bar: use the text colour made for it.
            var attrs: [JSXAttribute] = [.str("href", "#")]
            if i == 0 { attrs.append(.str("aria-current", "page")) }
            attrs.append(.cls(look.linkOnPrimary()))
            return .el(.li, [], [.el(.a, attrs, [.text(title)])])
        }
        let cta = onGradient
            ? ClassList(["inline-flex items-center justify-center", look.controlSize, look.controlRadius, look.controlWeight,
                         "bg-white text-slate-900 hover:bg-slate-100", look.focusRing, look.controlMotion])
            : look.primaryButton()
        return Template(body: JSXElement(.header, [.cls(bar)], [
            .el(.nav, [.str("aria-label", "Main"),
                       .cls(ClassList(["mx-auto flex items-center justify-between gap-6 px-6", height,
                                       look.has(.fullWidth) ? "" : "max-w-6xl"]))], [
                .el(.a, [.str("href", "#"), .cls(ClassList(["text-lg", look.headingWeight, look.focusRing, "rounded-md"]))],
                    [.text(look.label(or: "Acme"))]),
                .el(.ul, [.str("role", "list"), .cls(ClassList(["hidden items-center gap-6 md:flex",
                                                                look.has(.centered) ? "mx-auto" : ""]))], links),
                .el(.a, [.str("href", "#"), .cls(cta)], [.text("Sign up")]),
            ]),
        ]))
    }

    static func footer(_ look: Look) -> Template {
        let columns: [(String, [String])] = [
            ("Product", ["Features", "Pricing", "Changelog"]),
            ("Company", ["About", "Careers", "Contact"]),
            ("Resources", ["Docs", "Guides", "Support"]),
        ]
        var box = ClassList(["w-full", look.fontClass])
        if look.has(.gradient) {
            box.add("bg-gradient-to-br", look.primary.cls("from"), look.secondary.cls("to"), look.onPrimary.cls("text"))
        } else {
            box.add(look.background.cls("bg"), look.text.cls("text"),
                    look.has(.minimal) ? "" : (look.isDarkSurface ? "border-t border-white/10" : "border-t border-slate-200"))
        }
        let name = look.label(or: "Acme")
        let onGradient = look.has(.gradient)
        let muted = onGradient ? "opacity-80" : look.mutedText
        let columnNodes = columns.map { title, items -> JSXNode in
            .el(.div, [], [
                .el(.h3, [.cls(["text-sm font-semibold"])], [.text(title)]),
                .el(.ul, [.str("role", "list"), .cls(["mt-3 space-y-2"])], items.map { item in
                    .el(.li, [], [onGradient ? .el(.a, [.str("href", "#"), .cls(look.linkOnPrimary())], [.text(item)])
                                             : link(look, item)])
                }),
            ])
        }
        return Template(body: JSXElement(.footer, [.cls(box)], [
            .el(.div, [.cls(ClassList(["mx-auto px-6", look.has(.small) ? "py-6" : "py-12",
                                       look.has(.fullWidth) ? "" : "max-w-6xl", look.centeredText]))], [
                .el(.div, [.cls(["grid gap-8 sm:grid-cols-2 md:grid-cols-4"])], [
                    .el(.div, [.cls(["space-y-2"])], [
                        .el(.p, [.cls(ClassList(["text-lg", look.headingWeight]))], [.text(name)]),
                        .el(.p, [.cls(ClassList(["text-sm", muted]))], [.text("Tools for teams that ship.")]),
                    ]),
                ] + columnNodes),
                .el(.p, [.cls(ClassList(["mt-10 text-xs", muted]))], [.text("© \(name). All rights reserved.")]),
            ]),
        ]))
    }

    static func sidebar(_ look: Look) -> Template {
        let items = ["Dashboard", "Projects", "Team", "Reports", "Settings"]
        var box = ClassList(["flex h-screen flex-col gap-6 p-4", look.has(.large) ? "w-72" : look.has(.small) ? "w-52" : "w-64"])
        if look.has(.sticky) { box.add("sticky top-0") }
        if look.has(.glass) {
            box.add(look.isDarkSurface ? "bg-slate-900/60 text-white" : "bg-white/60", "backdrop-blur-md border-r border-white/20")
        } else {
            box.add(look.background.cls("bg"), look.text.cls("text"),
                    look.has(.minimal) ? "" : (look.isDarkSurface ? "border-r border-white/10" : "border-r border-slate-200"))
        }
        box.add(look.shadowClass, look.fontClass)
        let links = items.enumerated().map { i, title -> JSXNode in
            var cls = ClassList(["flex items-center gap-3 px-3 py-2 text-sm font-medium", look.controlRadius, look.focusRing,
                                 "transition-colors"])
            if i == 0 {
                cls.add(look.primary.cls("bg", alpha: 15), look.isDarkSurface ? "text-white" : look.primary.strong.cls("text"))
            } else {
                cls.add(look.mutedText, look.isDarkSurface ? "hover:bg-white/5" : "hover:bg-slate-100")
            }
            var attrs: [JSXAttribute] = [.str("href", "#")]
            if i == 0 { attrs.append(.str("aria-current", "page")) }
            attrs.append(.cls(cls))
            return .el(.li, [], [.el(.a, attrs, [.text(title)])])
        }
        return Template(body: JSXElement(.aside, [.str("aria-label", "Sidebar"), .cls(box)], [
            .el(.p, [.cls(ClassList(["px-3 text-lg", look.headingWeight]))], [.text(look.label(or: "Workspace"))]),
            .el(.nav, [.str("aria-label", "Sections")], [
                .el(.ul, [.str("role", "list"), .cls(["space-y-1"])], links),
            ]),
        ]))
    }

    static func hero(_ look: Look) -> Template {
        let titleID = look.id("title")
        var box = ClassList(["w-full px-6", look.has(.large) ? "py-32" : look.has(.small) ? "py-12" : "py-24", look.fontClass])
        let onGradient = look.has(.gradient)
        if onGradient {
            box.add("bg-gradient-to-br", look.primary.cls("from"), look.secondary.cls("to"), look.onPrimary.cls("text"))
        } else if look.has(.glass) {
            box.add(look.isDarkSurface ? "bg-slate-900/60 text-white" : "bg-white/60", "backdrop-blur-md")
        } else {
            box.add(look.background.cls("bg"), look.text.cls("text"))
        }
        let centered = look.has(.centered) || !look.has(.fullWidth)
        let secondary = onGradient
            ? ClassList(["inline-flex items-center justify-center gap-2 font-medium", look.controlSize, look.controlRadius,
                         "border border-white/40 hover:bg-white/10", look.focusRing, look.controlMotion])
            : look.secondaryButton()
        var primary = look.primaryButton()
        if onGradient {
            // A gradient button on a gradient section would vanish: use the page colours instead.
            primary = ClassList(["inline-flex items-center justify-center gap-2", look.controlSize, look.controlRadius,
                                 look.controlWeight, "bg-white text-slate-900 hover:bg-slate-100", look.focusRing,
                                 look.controlMotion])
        }
        return Template(body: JSXElement(.section, [.str("aria-labelledby", titleID), .cls(box)], [
            .el(.div, [.cls(ClassList(["mx-auto max-w-3xl space-y-6", centered ? "text-center" : ""]))], [
                .el(.p, [.cls(ClassList(["text-sm font-semibold uppercase tracking-widest",
                                         onGradient ? "opacity-80" : look.highlight.cls("text")]))], [.text("New release")]),
                heading(.h1, look, id: titleID, look.label(or: "Build your next idea faster"),
                        size: look.has(.large) ? "text-5xl sm:text-7xl" : "text-4xl sm:text-6xl"),
                .el(.p, [.cls(ClassList(["text-lg", onGradient ? "opacity-90" : look.mutedText]))],
                    [.text("Everything your team needs to design, ship and learn, in one place.")]),
                .el(.div, [.cls(ClassList(["flex flex-wrap gap-3", centered ? "justify-center" : ""]))], [
                    .el(.a, [.str("href", "#"), .cls(primary)], [.text("Get started")]),
                    .el(.a, [.str("href", "#"), .cls(secondary)], [.text("Learn more")]),
                ]),
            ]),
        ]))
    }

    static func card(_ look: Look) -> Template {
        let titleID = look.id("title")
        var art = ClassList(["h-40 w-full", look.radius == "none" ? "" : "rounded-t-[inherit]"])
        art.add("bg-gradient-to-br", look.primary.cls("from"), look.secondary.cls("to"))
        return Template(body: JSXElement(.article, [
            .str("aria-labelledby", titleID),
            .cls(look.surface("overflow-hidden " + look.width(look.has(.large) ? "max-w-md" : "max-w-sm") + " " + look.centeredText)),
        ], [
            .el(.div, [.ariaHidden, .cls(art)]),
            .el(.div, [.cls(ClassList([look.has(.small) ? "p-4" : "p-6", "space-y-3"]))], [
                heading(.h3, look, id: titleID, look.label(or: "Card title"), size: look.has(.large) ? "text-2xl" : "text-lg"),
                paragraph(look, "A short description that tells people why this matters and what to do next."),
                .el(.a, [.str("href", "#"), .cls(look.primaryButton(look.has(.centered) ? "" : "mt-2"))], [.text("Learn more")]),
            ]),
        ]))
    }

    static func list(_ look: Look) -> Template {
        let titleID = look.id("title")
        let people = [("Ada Lovelace", "Engineering"), ("Grace Hopper", "Research"), ("Alan Turing", "Design")]
        let rows = people.map { name, team -> JSXNode in
            .el(.li, [.cls(ClassList(["flex items-center gap-3 px-4", look.has(.small) ? "py-2" : "py-3",
                                      look.isDarkSurface ? "hover:bg-white/5" : "hover:bg-slate-50", "transition-colors"]))], [
                glyph(initials(name), ClassList(["flex h-9 w-9 shrink-0 items-center justify-center rounded-full text-sm font-semibold",
                                                 look.primary.cls("bg", alpha: 15), look.primary.strong.cls("text")])),
                .el(.div, [.cls(["min-w-0 flex-1"])], [
                    .el(.p, [.cls(["truncate text-sm font-medium"])], [.text(name)]),
                    .el(.p, [.cls(ClassList(["truncate text-xs", look.mutedText]))], [.text(team)]),
                ]),
            ])
        }
        return Template(body: JSXElement(.section, [
            .str("aria-labelledby", titleID),
            .cls(look.surface("overflow-hidden " + look.width("max-w-md"))),
        ], [
            .el(.h2, [.str("id", titleID), .cls(ClassList(["px-4 pt-4 pb-2 text-base", look.headingWeight]))],
                [.text(look.label(or: "Team members"))]),
            .el(.ul, [.str("role", "list"),
                      .cls(ClassList(["divide-y", look.isDarkSurface ? "divide-white/10" : "divide-slate-200"]))], rows),
        ]))
    }

    static func table(_ look: Look) -> Template {
        let headers = ["Order", "Customer", "Status", "Total"]
        let rows = [["#1042", "Ada Lovelace", "Paid", "$120.00"], ["#1041", "Grace Hopper", "Pending", "$89.50"],
                    ["#1040", "Alan Turing", "Refunded", "$42.00"]]
        let pad = look.has(.small) ? "px-3 py-2" : look.has(.large) ? "px-6 py-4" : "px-4 py-3"
        let head = JSXNode.el(.thead, [.cls(ClassList([look.isDarkSurface ? "bg-white/5" : "bg-slate-50"]))], [
            .el(.tr, [], headers.map { title in
                .el(.th, [.str("scope", "col"), .cls(ClassList([pad, "text-left text-xs font-semibold uppercase tracking-wide",
                                                                look.mutedText]))], [.text(title)])
            }),
        ])
        let body = JSXNode.el(.tbody, [.cls(ClassList(["divide-y", look.isDarkSurface ? "divide-white/10" : "divide-slate-200"]))],
            rows.map { cells in
                .el(.tr, [.cls(ClassList([look.isDarkSurface ? "hover:bg-white/5" : "hover:bg-slate-50", "transition-colors"]))],
                    cells.enumerated().map { i, cell -> JSXNode in
                        if i == 0 { return .el(.th, [.str("scope", "row"), .cls(ClassList([pad, "text-left font-medium"]))], [.text(cell)]) }
                        if i == 2 {
                            return .el(.td, [.cls(ClassList([pad]))], [
                                .el(.span, [.cls(ClassList(["inline-flex rounded-full px-2 py-0.5 text-xs font-medium",
                                                            look.primary.cls("bg", alpha: 15), look.primary.strong.cls("text")]))],
                                    [.text(cell)]),
                            ])
                        }
                        return .el(.td, [.cls(ClassList([pad, i == 3 ? "text-right tabular-nums" : "", look.mutedText]))], [.text(cell)])
                    })
            })
        return Template(body: JSXElement(.div, [.cls(look.surface("overflow-x-auto " + look.width("max-w-3xl")))], [
            .el(.table, [.cls(["min-w-full text-sm"])], [
                .el(.caption, [.cls(ClassList(["px-4 py-3 text-left text-base", look.headingWeight]))],
                    [.text(look.label(or: "Recent orders"))]),
                head,
                body,
            ]),
        ]))
    }
}
