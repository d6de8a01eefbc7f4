import Core

/// Detected intents (component, styles, brands, confidence, triggered or not), the suggestions on
/// offer, and the components written so far. A cursor moves over them; `enter` on an intent or a
/// component picks what the code pane shows, on a suggestion makes it.
struct IntentsPane: Component {
    var view: PaneView
    /// What `enter` chose, read by the screen after `handle`.
    private(set) var chosen: SelectionTarget?
    var cursor: SelectionTarget?

    init(model: MeetingViewModel, state: ScreenState, rect: Rect) {
        let inner = rect.inset(1)
        let lines = Self.lines(model, shown: state.selectedComponent ?? model.lastComponent?.componentID,
                               width: inner.width)
        cursor = state.cursor
        view = PaneView(title: "Intents · \(model.intents.count)", lines: lines, scroll: state[scrollOf: .intents],
                        focused: state.focus == .intents, highlighted: state.focus == .intents ? state.cursor : nil,
                        page: max(1, inner.height))
    }

    func draw(into buffer: inout ScreenBuffer, in rect: Rect) {
        view.draw(into: &buffer, in: rect)
    }

    mutating func handle(_ key: Key) -> Handled {
        let targets = view.lines.enumerated().compactMap { i, line in line.target.map { (i, $0) } }
        guard !targets.isEmpty else { return view.handle(key) }
        let current = targets.firstIndex { $0.1 == cursor }
        var next: Int?
        switch key {
        case .up, .char("k"): next = max(0, (current ?? targets.count) - 1)
        case .down, .char("j"): next = min(targets.count - 1, (current ?? targets.count - 1) + 1)
        case .pageUp: next = max(0, (current ?? targets.count) - max(1, view.page / 2))
        case .pageDown: next = min(targets.count - 1, (current ?? targets.count - 1) + max(1, view.page / 2))
        case .home: next = 0
        case .end: next = targets.count - 1
        case .enter:
            chosen = cursor ?? targets.last?.1
            return .handled
        default: return .ignored
        }
        if let next {
            cursor = targets[next].1
            view.reveal(targets[next].0)
        }
        return .handled
    }

    static func lines(_ model: MeetingViewModel, shown: String?, width: Int) -> [StyledLine] {
        var result: [StyledLine] = []
        if model.intents.isEmpty {
            result += StyledLine.wrap([Span("No design intents yet. Try “let's build a pricing card like Stripe's”.", .dim)],
                                      width: width)
        }
        for (i, row) in model.intents.enumerated() {
            let intent = row.intent
            let name = intent.component?.rawValue ?? (intent.refine ? "refine " + (intent.refersTo?.rawValue ?? "last") : "?")
            var head = [Span(row.triggered ? "● " : "○ ", row.triggered ? .triggered : .dim),
                        Span(name, .intent),
                        Span(" \(Int((intent.confidence * 100).rounded()))%", .confidence)]
            if row.triggered { head.append(Span(" triggered", .triggered)) }
            var wrapped = StyledLine.wrap(head, width: width, indent: 2)
            if !wrapped.isEmpty { wrapped[0].target = .intent(i) }
            result += wrapped
            let details = intent.styles + intent.brandRefs + intent.colors + (intent.label.map { ["“\($0)”"] } ?? [])
            if !details.isEmpty {
                result += StyledLine.wrap([Span("  " + details.joined(separator: " · "), .dim)], width: width, indent: 2)
            }
        }
        if !model.suggestions.isEmpty {
            result.append(StyledLine())
            result.append(StyledLine("Suggestions · \(model.suggestions.count)", .title))
        }
        for row in model.suggestions {
            var wrapped = StyledLine.wrap([Span("? ", .intent), Span(row.reason, .dim)], width: width, indent: 2)
            if !wrapped.isEmpty { wrapped[0].target = .suggestion(row.intent.utteranceID) }
            result += wrapped
            if let text = row.intent.text {
                let quote = text.count > 60 ? String(text.prefix(59)) + "…" : text
                result += StyledLine.wrap([Span("  “\(quote)”", .dim)], width: width, indent: 2)
            }
        }
        result.append(StyledLine())
        result.append(StyledLine("Components · \(model.components.count)", .title))
        if model.components.isEmpty {
            result.append(StyledLine("none written yet", .dim))
        }
        for history in model.components {
            guard let latest = history.versions.last else { continue }
            let marker = history.id == shown ? "▸ " : "  "
            var spans = [Span(marker, .component), Span(history.name, .component), Span(" v\(latest.version)", .dim)]
            let latency = " " + TimeText.latency(latest.latency)
            // The latency only when it fits whole: "469m" would read as minutes.
            if spans.reduce(0, { $0 + TextWidth.width($1.text) }) + TextWidth.width(latency) <= width {
                spans.append(Span(latency, .dim))
            }
            var line = StyledLine(spans)
            line.target = .component(history.id)
            result.append(line)
        }
        for failure in model.failures.suffix(5) {
            result += StyledLine.wrap([Span("✗ \(failure.component.typeName): \(failure.reason)", .failed)],
                                      width: width, indent: 2)
        }
        return result
    }
}
