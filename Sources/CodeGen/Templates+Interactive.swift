/// Components with state: modal, tabs, carousel, pricing (monthly/yearly). They use only
/// `useState`, so the file needs nothing but React.
extension Templates {
    static func modal(_ look: Look) -> Template {
        let open = StateHook("open", initial: .bool(false))
        let titleID = look.id("title")
        let bodyID = look.id("body")
        let title = look.label(or: "Confirm action")
        var panel = look.surface("relative z-10 w-full space-y-4 p-6")
        panel.add(look.has(.large) ? "max-w-2xl" : look.has(.small) ? "max-w-sm" : "max-w-lg")
        if look.shadowClass.isEmpty && !look.has(.minimal) { panel.add("shadow-xl") }
        let close = JSXElement(.button, [
            .str("type", "button"), .str("aria-label", "Close"), .expr("onClick", set(open, .bool(false))),
            .cls(ClassList(["absolute right-4 top-4 rounded-md p-1 leading-none", look.mutedText, "hover:opacity-70", look.focusRing])),
        ], [glyph("×", ["text-xl"])])
        let dialog = JSXElement(.div, [
            .str("role", "dialog"), .str("aria-modal", "true"), .str("aria-labelledby", titleID),
            .str("aria-describedby", bodyID),
            .cls(["fixed inset-0 z-50 flex items-center justify-center p-4"]),
        ], [
            .el(.div, [.ariaHidden, .expr("onClick", set(open, .bool(false))),
                       .cls(ClassList(["absolute inset-0 bg-slate-950/50", look.has(.glass) ? "backdrop-blur-sm" : ""]))]),
            .el(.div, [.cls(panel)], [
                .element(close),
                heading(.h2, look, id: titleID, title, size: "text-lg"),
                .el(.p, [.str("id", bodyID), .cls(ClassList(["text-sm", look.mutedText]))],
                    [.text("This can't be undone. Are you sure you want to continue?")]),
                .el(.div, [.cls(["flex justify-end gap-3 pt-2"])], [
                    .el(.button, [.str("type", "button"), .expr("onClick", set(open, .bool(false))),
                                  .cls(look.secondaryButton())], [.text("Cancel")]),
                    .el(.button, [.str("type", "button"), .expr("onClick", set(open, .bool(false))),
                                  .cls(look.primaryButton())], [.text("Confirm")]),
                ]),
            ]),
        ])
        return Template(states: [open], body: JSXElement(.div, [
            .expr("onKeyDown", .handler(.closeOnEscape(open.setter))), .cls(ClassList([look.fontClass])),
        ], [
            .el(.button, [.str("type", "button"), .str("aria-haspopup", "dialog"), .expr("onClick", set(open, .bool(true))),
                          .cls(look.primaryButton())], [.text(title)]),
            .expression(.show(.identifier(open.value), dialog)),
        ]))
    }

    static func tabs(_ look: Look) -> Template {
        let active = StateHook("active", initial: .number(0))
        let names = ["Overview", "Activity", "Settings"]
        let bodies = [
            "A summary of everything that happened this week.",
            "Recent changes from your team, newest first.",
            "Preferences for notifications, members and billing.",
        ]
        let pill = look.has(.pill) || look.radius == "full"
        let tabBase = ClassList(["px-4 py-2 text-sm font-medium transition-colors duration-150", look.focusRing,
                                 pill ? "rounded-full" : look.has(.square) ? "rounded-none" : "rounded-md"])
        var selected = tabBase
        if look.has(.gradient) {
            selected.add("bg-gradient-to-r", look.primary.cls("from"), look.secondary.cls("to"), look.onPrimary.cls("text"))
        } else {
            selected.add(look.primary.cls("bg"), look.onPrimary.cls("text"), look.has(.minimal) ? "" : "shadow-sm")
        }
        var idle = tabBase
        idle.add(look.mutedText, look.isDarkSurface ? "hover:bg-white/10" : "hover:bg-slate-100")
        let tabButtons = names.enumerated().map { i, name -> JSXNode in
            let isActive = JSExpr.equals(.identifier(active.value), .number(i))
            return .el(.button, [
                .str("type", "button"), .str("role", "tab"), .str("id", look.id("tab-\(i)")),
                .str("aria-controls", look.id("panel-\(i)")), .expr("aria-selected", isActive),
                .expr("tabIndex", .conditional(isActive, .number(0), .number(-1))),
                .expr("onClick", set(active, .number(i))),
                .expr("className", .conditional(isActive, .classes(selected), .classes(idle))),
            ], [.text(name)])
        }
        let panels = bodies.enumerated().map { i, body -> JSXNode in
            .expression(.show(.equals(.identifier(active.value), .number(i)), JSXElement(.div, [
                .str("role", "tabpanel"), .str("id", look.id("panel-\(i)")), .str("aria-labelledby", look.id("tab-\(i)")),
                .expr("tabIndex", .number(0)),
                .cls(ClassList(["p-4 text-sm", look.mutedText, "focus-visible:outline-none"])),
            ], [.text(body)])))
        }
        let list = ClassList(["flex gap-1 p-1", pill ? "rounded-full" : look.boxRadius,
                              look.isDarkSurface ? "bg-white/5" : "bg-slate-100"])
        return Template(states: [active], body: JSXElement(.div, [.cls(look.surface(look.width("max-w-xl") + " p-2"))], [
            .el(.div, [.str("role", "tablist"), .str("aria-label", look.label(or: "Sections")), .cls(list)], tabButtons),
        ] + panels))
    }

    static func carousel(_ look: Look) -> Template {
        let index = StateHook("index", initial: .number(0))
        let slides = [("Design together", "Sketch ideas live with your whole team."),
                      ("Ship faster", "Turn decisions into working components in minutes."),
                      ("Learn from users", "See what people say before you build.")]
        let count = slides.count
        let slideNodes = slides.enumerated().map { i, slide -> JSXNode in
            var art = ClassList(["flex h-64 flex-col items-center justify-center gap-2 p-8 text-center", look.boxRadius])
            art.add("bg-gradient-to-br", (i % 2 == 0 ? look.primary : look.secondary).cls("from"),
                    (i % 2 == 0 ? look.secondary : look.primary).cls("to"), look.onPrimary.cls("text"))
            if look.has(.animated) { art.add("transition-opacity duration-500 motion-reduce:transition-none") }
            return .expression(.show(.equals(.identifier(index.value), .number(i)), JSXElement(.div, [
                .str("role", "group"), .str("aria-roledescription", "slide"), .str("aria-label", "\(i + 1) of \(count)"),
                .cls(art),
            ], [
                .el(.h3, [.cls(ClassList(["text-2xl", look.headingWeight]))], [.text(slide.0)]),
                .el(.p, [.cls(["text-sm opacity-90"])], [.text(slide.1)]),
            ])))
        }
        let arrow = ClassList(["absolute top-1/2 -translate-y-1/2 flex h-10 w-10 items-center justify-center rounded-full",
                               "bg-white/80 text-slate-900 shadow hover:bg-white", look.focusRing, look.controlMotion])
        var prev = arrow
        prev.add("left-3")
        var next = arrow
        next.add("right-3")
        let dots = (0..<count).map { i -> JSXNode in
            let isCurrent = JSExpr.equals(.identifier(index.value), .number(i))
            let base = ClassList(["h-2.5 rounded-full transition-all duration-200", look.focusRing])
            var on = base
            on.add("w-6", look.primary.cls("bg"))
            var off = base
            off.add("w-2.5", look.isDarkSurface ? "bg-white/30" : "bg-slate-300")
            return .el(.button, [
                .str("type", "button"), .str("aria-label", "Go to slide \(i + 1)"), .expr("aria-current", isCurrent),
                .expr("onClick", set(index, .number(i))),
                .expr("className", .conditional(isCurrent, .classes(on), .classes(off))),
            ])
        }
        return Template(states: [index], body: JSXElement(.section, [
            .str("aria-roledescription", "carousel"), .str("aria-label", look.label(or: "Highlights")),
            .cls(ClassList([look.width("max-w-2xl"), "space-y-4", look.fontClass])),
        ], [
            .el(.div, [.cls(ClassList(["relative", look.shadowClass, look.boxRadius]))], slideNodes + [
                .el(.button, [.str("type", "button"), .str("aria-label", "Previous slide"),
                              .expr("onClick", set(index, .cycle(index.value, step: -1, count: count))), .cls(prev)],
                    [glyph("‹", ["text-2xl leading-none"])]),
                .el(.button, [.str("type", "button"), .str("aria-label", "Next slide"),
                              .expr("onClick", set(index, .cycle(index.value, step: 1, count: count))), .cls(next)],
                    [glyph("›", ["text-2xl leading-none"])]),
            ]),
            .el(.div, [.cls(["flex justify-center gap-2"])], dots),
        ]))
    }

    static func pricing(_ look: Look) -> Template {
        let yearly = StateHook("yearly", initial: .bool(false))
        let titleID = look.id("title")
        let isYearly = JSExpr.identifier(yearly.value)
        let tiers: [(name: String, monthly: String, annual: String, blurb: String, features: [String])] = [
            ("Starter", "$9", "$90", "For individuals trying things out.", ["1 project", "Basic analytics", "Email support"]),
            ("Pro", "$29", "$290", "For growing teams that ship weekly.",
             ["Unlimited projects", "Advanced analytics", "Priority support"]),
            ("Enterprise", "$99", "$990", "For organisations with scale needs.", ["SSO and audit logs", "Custom contracts", "Dedicated manager"]),
        ]
        let cards = tiers.enumerated().map { i, tier -> JSXNode in
            let featured = i == 1
            var card = look.surface("relative flex flex-col gap-4 p-6")
            if featured {
                card.add("ring-2", look.primary.cls("ring"))
                if !look.has(.minimal) { card.add(look.shadowClass.isEmpty ? "shadow-lg" : "shadow-xl") }
            }
            var children: [JSXNode] = []
            if featured {
                children.append(.el(.p, [.cls(ClassList(["absolute -top-3 left-6 rounded-full px-3 py-0.5 text-xs font-semibold",
                                                         look.primary.cls("bg"), look.onPrimary.cls("text")]))],
                                    [.text("Most popular")]))
            }
            children += [
                .el(.h3, [.cls(ClassList(["text-lg", look.headingWeight]))], [.text(tier.name)]),
                paragraph(look, tier.blurb),
                .el(.p, [.cls(["flex items-baseline gap-1"])], [
                    .el(.span, [.cls(ClassList(["text-4xl tabular-nums", look.headingWeight]))],
                        [.expression(.conditional(isYearly, .string(tier.annual), .string(tier.monthly)))]),
                    .el(.span, [.cls(ClassList(["text-sm", look.mutedText]))],
                        [.expression(.conditional(isYearly, .string("/year"), .string("/month")))]),
                ]),
                .el(.ul, [.str("role", "list"), .cls(["space-y-2 text-sm"])], tier.features.map { feature in
                    .el(.li, [.cls(["flex items-center gap-2"])], [glyph("✓", ClassList([look.highlight.cls("text")])), .text(feature)])
                }),
                .el(.a, [.str("href", "#"), .cls(featured ? look.primaryButton("mt-auto w-full") : look.secondaryButton("mt-auto w-full"))],
                    [.text("Choose \(tier.name)")]),
            ]
            return .el(.div, [.cls(card)], children)
        }
        let switchBase = ClassList(["relative inline-flex h-6 w-11 shrink-0 items-center rounded-full p-0.5 transition-colors",
                                    look.focusRing])
        var switchOn = switchBase
        switchOn.add(look.primary.cls("bg"))
        var switchOff = switchBase
        switchOff.add(look.isDarkSurface ? "bg-white/20" : "bg-slate-300")
        let knob = JSExpr.conditional(isYearly,
                                      .classes(["inline-block h-5 w-5 rounded-full bg-white shadow transition-transform translate-x-5"]),
                                      .classes(["inline-block h-5 w-5 rounded-full bg-white shadow transition-transform translate-x-0"]))
        return Template(states: [yearly], body: JSXElement(.section, [
            .str("aria-labelledby", titleID),
            .cls(ClassList(["mx-auto w-full space-y-10 px-6 py-16", look.has(.fullWidth) ? "" : "max-w-6xl",
                            look.has(.glass) ? "" : look.background.cls("bg"), look.text.cls("text"), look.fontClass])),
        ], [
            .el(.div, [.cls(["space-y-4 text-center"])], [
                heading(.h2, look, id: titleID, look.label(or: "Simple, transparent pricing"), size: "text-3xl sm:text-4xl"),
                .el(.div, [.cls(ClassList(["flex items-center justify-center gap-3 text-sm font-medium", look.mutedText]))], [
                    .el(.span, [.ariaHidden], [.text("Monthly")]),
                    .el(.button, [
                        .str("type", "button"), .str("role", "switch"), .expr("aria-checked", isYearly),
                        .str("aria-label", "Bill yearly"), .expr("onClick", flip(yearly)),
                        .expr("className", .conditional(isYearly, .classes(switchOn), .classes(switchOff))),
                    ], [.el(.span, [.ariaHidden, .expr("className", knob)])]),
                    .el(.span, [.ariaHidden], [.text("Yearly (2 months free)")]),
                ]),
            ]),
            .el(.div, [.cls(["grid gap-8 md:grid-cols-3"])], cards),
        ]))
    }
}
