/// Small controls: button, badge, avatar, progress, tooltip, toggle, alert.
extension Templates {
    static func button(_ look: Look) -> Template {
        let button = JSXElement(.button, [.str("type", "button"), .cls(look.primaryButton(look.fontClass))],
                                [.text(look.label(or: "Get started"))])
        guard look.has(.centered) else { return Template(body: button) }
        return Template(body: JSXElement(.div, [.cls(["flex w-full justify-center"])], [.element(button)]))
    }

    static func badge(_ look: Look) -> Template {
        var list = ClassList(["inline-flex items-center gap-1.5", look.controlRadius, look.fontClass])
        list.add(look.has(.large) ? "px-3 py-1 text-sm" : look.has(.small) ? "px-2 py-0.5 text-[11px]" : "px-2.5 py-0.5 text-xs")
        list.add(look.has(.bold) ? "font-semibold" : "font-medium")
        let dot: ColorToken
        if look.has(.gradient) {
            list.add("bg-gradient-to-r", look.primary.cls("from"), look.secondary.cls("to"), look.onPrimary.cls("text"))
            dot = look.onPrimary
        } else if look.has(.outline) || look.has(.ghost) {
            list.add("ring-1 ring-inset", look.primary.cls("ring"), look.primary.strong.cls("text"))
            dot = look.primary
        } else if look.has(.bold) || look.has(.dark) {
            list.add(look.primary.cls("bg"), look.onPrimary.cls("text"))
            dot = look.onPrimary
        } else {
            list.add(look.primary.cls("bg", alpha: 15), look.primary.strong.cls("text"), "ring-1 ring-inset",
                     look.primary.cls("ring", alpha: 30))
            dot = look.primary
        }
        list.add(look.controlMotion)
        var dotClasses = ClassList(["h-1.5 w-1.5 rounded-full", dot.cls("bg")])
        if look.has(.animated) { dotClasses.add("motion-safe:animate-pulse") }
        return Template(body: JSXElement(.span, [.cls(list)], [
            glyph("", dotClasses),
            .text(look.label(or: "New")),
        ]))
    }

    static func avatar(_ look: Look) -> Template {
        let name = look.label(or: "Ada Lovelace")
        let size = look.has(.small) ? "h-8 w-8 text-xs" : look.has(.large) ? "h-16 w-16 text-xl" : "h-12 w-12 text-base"
        let shape = look.has(.square) ? look.controlRadius : "rounded-full"
        var face = ClassList(["flex items-center justify-center font-semibold", size, shape])
        if look.has(.gradient) {
            face.add("bg-gradient-to-br", look.primary.cls("from"), look.secondary.cls("to"), look.onPrimary.cls("text"))
        } else {
            face.add(look.primary.cls("bg"), look.onPrimary.cls("text"))
        }
        face.add(look.shadowClass, look.has(.minimal) ? "" : "ring-2 ring-white", look.controlMotion)
        let dotSize = look.has(.small) ? "h-2.5 w-2.5" : look.has(.large) ? "h-4 w-4" : "h-3 w-3"
        var dot = ClassList(["absolute bottom-0 right-0 block rounded-full bg-emerald-500 ring-2 ring-white", dotSize])
        if look.has(.animated) { dot.add("motion-safe:animate-pulse") }
        return Template(body: JSXElement(.div, [.cls(ClassList(["flex items-center gap-3", look.fontClass]))], [
            .el(.div, [.cls(["relative inline-flex shrink-0"])], [
                .el(.div, [.str("role", "img"), .str("aria-label", name), .cls(face)], [.text(initials(name))]),
                .el(.span, [.ariaHidden, .cls(dot)]),
            ]),
            .el(.div, [.cls(["min-w-0"])], [
                .el(.p, [.cls(ClassList(["truncate text-sm font-medium", look.text.cls("text")]))], [.text(name)]),
                .el(.p, [.cls(["text-xs text-emerald-600"])], [.text("Online")]),
            ]),
        ]))
    }

    static func progress(_ look: Look) -> Template {
        let labelID = look.id("label")
        let height = look.has(.small) ? "h-1.5" : look.has(.large) ? "h-4" : "h-2.5"
        let round = look.has(.square) ? "rounded-none" : "rounded-full"
        var bar = ClassList(["h-full w-3/5", round])
        if look.has(.gradient) {
            bar.add("bg-gradient-to-r", look.primary.cls("from"), look.secondary.cls("to"))
        } else {
            bar.add(look.primary.cls("bg"))
        }
        bar.add("transition-[width] duration-500 ease-out motion-reduce:transition-none")
        if look.has(.animated) { bar.add("motion-safe:animate-pulse") }
        if look.has(.hoverGlow) { bar.add(look.primary.cls("shadow", alpha: 50), "shadow-md") }
        let track = ClassList([height, "w-full overflow-hidden", round,
                               look.isDarkSurface ? "bg-white/10" : "bg-slate-200", look.shadowClass])
        return Template(body: JSXElement(.div, [.cls(ClassList([look.width("max-w-md"), look.fontClass]))], [
            .el(.div, [.cls(ClassList(["mb-2 flex items-center justify-between text-sm font-medium",
                                       look.text.cls("text")]))], [
                .el(.span, [.str("id", labelID)], [.text(look.label(or: "Uploading files"))]),
                .el(.span, [.cls(ClassList([look.mutedText, "tabular-nums"]))], [.text("60%")]),
            ]),
            .el(.div, [
                .str("role", "progressbar"), .str("aria-labelledby", labelID),
                .expr("aria-valuenow", .number(60)), .expr("aria-valuemin", .number(0)),
                .expr("aria-valuemax", .number(100)), .cls(track),
            ], [.el(.div, [.cls(bar)])]),
        ]))
    }

    static func tooltip(_ look: Look) -> Template {
        let visible = StateHook("visible", initial: .bool(false))
        let tipID = look.id("tip")
        var tip = ClassList(["pointer-events-none absolute bottom-full left-1/2 z-50 mb-2 -translate-x-1/2",
                             "whitespace-nowrap px-3 py-1.5 text-xs font-medium", look.boxRadius])
        tip.add(look.has(.glass) ? "bg-slate-900/70 text-white backdrop-blur-md"
                                 : look.background.cls("bg") + " " + look.text.cls("text"))
        tip.add(look.shadowClass.isEmpty ? "" : "shadow-lg", look.hairline.isEmpty || look.background.isDark ? "" : look.hairline)
        tip.add("transition-opacity duration-150 motion-reduce:transition-none")
        var shown = tip
        shown.add("opacity-100")
        var hidden = tip
        hidden.add("opacity-0")
        let trigger = JSXElement(.button, [
            .str("type", "button"), .str("aria-describedby", tipID),
            .expr("onMouseEnter", set(visible, .bool(true))), .expr("onMouseLeave", set(visible, .bool(false))),
            .expr("onFocus", set(visible, .bool(true))), .expr("onBlur", set(visible, .bool(false))),
            .expr("onKeyDown", .handler(.closeOnEscape(visible.setter))),
            // The trigger sits on the page, not on the tooltip's own dark surface.
            .cls(look.secondaryButton(onDark: look.has(.dark))),
        ], [glyph("?", ClassList(["inline-flex h-5 w-5 items-center justify-center rounded-full text-xs",
                                  look.has(.dark) ? "bg-white/15" : "bg-slate-900/10"])),
            .text("More info")])
        return Template(states: [visible], body: JSXElement(.span, [.cls(ClassList(["relative inline-flex", look.fontClass]))], [
            .element(trigger),
            .el(.span, [
                .str("role", "tooltip"), .str("id", tipID),
                .expr("className", .conditional(.identifier(visible.value), .classes(shown), .classes(hidden))),
            ], [.text(look.label(or: "Helpful hint"))]),
        ]))
    }

    static func toggle(_ look: Look) -> Template {
        let enabled = StateHook("enabled", initial: .bool(false))
        let labelID = look.id("label")
        let (track, knob, travel) = look.has(.small) ? ("h-5 w-9", "h-4 w-4", "translate-x-4")
            : look.has(.large) ? ("h-8 w-14", "h-7 w-7", "translate-x-6") : ("h-6 w-11", "h-5 w-5", "translate-x-5")
        let round = look.has(.square) ? "rounded-md" : "rounded-full"
        var base = ClassList(["relative inline-flex shrink-0 cursor-pointer items-center p-0.5", track, round])
        base.add(look.focusRing, look.controlMotion)
        var on = base
        on.add(look.has(.gradient) ? "bg-gradient-to-r \(look.primary.cls("from")) \(look.secondary.cls("to"))"
                                   : look.primary.cls("bg"))
        var off = base
        off.add(look.isDarkSurface ? "bg-white/20" : "bg-slate-300")
        let knobBase = ClassList(["inline-block bg-white shadow transition-transform duration-200 motion-reduce:transition-none",
                                  knob, look.has(.square) ? "rounded-sm" : "rounded-full"])
        var knobOn = knobBase
        knobOn.add(travel)
        var knobOff = knobBase
        knobOff.add("translate-x-0")
        let isOn = JSExpr.identifier(enabled.value)
        return Template(states: [enabled], body: JSXElement(.div, [.cls(ClassList(["flex items-center gap-3", look.fontClass]))], [
            .el(.button, [
                .str("type", "button"), .str("role", "switch"), .expr("aria-checked", isOn),
                .str("aria-labelledby", labelID), .expr("onClick", flip(enabled)),
                .expr("className", .conditional(isOn, .classes(on), .classes(off))),
            ], [.el(.span, [.ariaHidden, .expr("className", .conditional(isOn, .classes(knobOn), .classes(knobOff)))])]),
            .el(.span, [.str("id", labelID), .cls(ClassList(["text-sm font-medium", look.text.cls("text")]))],
                [.text(look.label(or: "Email notifications"))]),
        ]))
    }

    static func alert(_ look: Look) -> Template {
        let visible = StateHook("visible", initial: .bool(true))
        var box = ClassList(["flex items-start gap-3 p-4", look.boxRadius, look.fontClass, look.stickyClass])
        if look.has(.dark) || look.has(.bold) {
            box.add(look.primary.cls("bg"), look.onPrimary.cls("text"))
        } else if look.has(.glass) {
            box.add(look.primary.cls("bg", alpha: 20), "backdrop-blur-md border border-white/30", look.primary.strong.cls("text"))
        } else {
            box.add(look.primary.cls("bg", alpha: 10), look.primary.strong.cls("text"),
                    look.has(.minimal) ? "" : "border " + look.primary.cls("border", alpha: 30))
        }
        box.add(look.shadowClass, look.boxMotion, look.has(.fullWidth) ? "w-full" : "w-full max-w-xl")
        if look.has(.centered) { box.add("mx-auto") }
        let dismiss = JSXElement(.button, [
            .str("type", "button"), .str("aria-label", "Dismiss"), .expr("onClick", set(visible, .bool(false))),
            .cls(ClassList(["-m-1 rounded-md p-1 leading-none opacity-70 hover:opacity-100", look.focusRing])),
        ], [glyph("×", ["text-lg"])])
        return Template(states: [visible], renderOnlyIf: visible.value, body: JSXElement(.div, [.str("role", "alert"), .cls(box)], [
            glyph("!", ClassList(["flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-sm font-bold",
                                  look.primary.cls("bg"), look.onPrimary.cls("text")])),
            .el(.div, [.cls(["flex-1"])], [
                .el(.p, [.cls(["font-semibold"])], [.text(look.label(or: "Something went wrong"))]),
                .el(.p, [.cls(["mt-1 text-sm opacity-90"])], [.text("Please check the details and try again.")]),
            ]),
            .element(dismiss),
        ]))
    }
}
