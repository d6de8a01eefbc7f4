import Core

/// The status line: live/paused, input, model, latency of the last component, queue, session,
/// output folder and the audio level. A warning or confirmation replaces the less important parts for a while.
struct StatusBar: Component {
    var model: MeetingViewModel
    var paused: Bool
    var notice: Notice?

    func draw(into buffer: inout ScreenBuffer, in rect: Rect) {
        buffer.fill(rect, role: .status)
        var segments: [(text: String, role: Role, important: Bool)] = []
        if model.finished {
            segments.append(("■ FINISHED", .statusPaused, true))
        } else if paused || model.status?.live == false {
            segments.append(("❚❚ PAUSED", .statusPaused, true))
        } else {
            segments.append(("● LIVE", .statusLive, true))
        }
        if let last = model.lastComponent {
            segments.append(("latency " + TimeText.latency(last.latency), .status, true))
        }
        if let activity = model.modelActivity {
            let got = activity.characters >= 1000 ? String(format: "%.1fk", Double(activity.characters) / 1000) : "\(activity.characters)"
            segments.append(("✎ \(activity.component.typeName) " + (activity.phase == .asking ? "asking model" : "\(got) chars"), .status, true))
        }
        if let usage = model.status?.modelUsage, usage.calls > 0 {
            let tokens = usage.promptTokens + usage.completionTokens
            let shown = tokens >= 1000 ? String(format: "%.1fk", Double(tokens) / 1000) : "\(tokens)"
            segments.append(("llm \(shown) tok \(String(format: "%.1f", usage.lastLatency)) s", .status, false))
        }
        let queue = "queue \(model.queueDepth)" + (model.isSlow ? " slow" : "")
        segments.append((queue, model.isSlow ? .warning : .status, true))
        if let level = model.status?.level {
            segments.append(("level " + Self.meter(level), .status, true))
        }
        if let dropped = model.status?.dropped, dropped > 0 {
            segments.append(("dropped \(dropped)", .warning, true))
        }
        if let s = model.status {
            segments.append(("src " + s.source, .status, false))
            segments.append(("model " + s.model, .status, false))
            segments.append(("session " + s.sessionID, .status, false))
            segments.append(("out " + s.outputFolder, .status, false))
        } else {
            segments.append(("waiting for the pipeline", .status, false))
        }

        var x = rect.x + 1
        let end = rect.maxX
        // Beside a notice only the important parts stay (on narrow screens only live/paused),
        // so a path in the notice stays readable.
        let wide = rect.width >= 110
        for (i, segment) in segments.enumerated() where notice == nil || i == 0 || (segment.important && wide) {
            let w = TextWidth.width(segment.text)
            if x + w > end - 1 {
                if x < end - 1 && (!segment.important || i == 0) {
                    buffer.put(TextWidth.truncate(segment.text, to: end - 1 - x), x: x, y: rect.y, role: segment.role)
                }
                break
            }
            buffer.put(segment.text, x: x, y: rect.y, role: segment.role)
            x += w
            if x + 3 < end { buffer.put(" │ ", x: x, y: rect.y, role: .status); x += 3 }
        }
        if let notice, x < end - 1 {
            buffer.put(TextWidth.truncate(notice.text, to: end - 1 - x), x: x, y: rect.y, role: notice.role)
        }
    }

    mutating func handle(_ key: Key) -> Handled { .ignored }

    /// An eight-step bar for an input level 0...1.
    static func meter(_ level: Double) -> String {
        let filled = Int((min(1, max(0, level)) * 8).rounded())
        return String(repeating: "▮", count: filled) + String(repeating: "▯", count: 8 - filled)
    }
}

/// The key hints at the bottom, shortened to fit.
struct HintBar: Component {
    static let hints: [(key: String, action: String)] = [
        ("g", "generate"), ("space", "pause"), ("tab", "pane"), ("↑↓", "scroll"), ("enter", "pick"),
        ("[ ]", "version"), ("e", "export"), ("t", "theme"), ("i", "insights"), ("?", "help"), ("q", "quit"),
    ]

    func draw(into buffer: inout ScreenBuffer, in rect: Rect) {
        buffer.fill(rect, role: .hint)
        // Help and quit always show; the others fill the room that is left, in order.
        let essential = Self.hints.suffix(2)
        func width(_ h: (key: String, action: String)) -> Int { TextWidth.width(h.key) + TextWidth.width(h.action) + 3 }
        var room = rect.width - 1 - essential.reduce(0) { $0 + width($1) }
        var shown: [(key: String, action: String)] = []
        for hint in Self.hints.dropLast(2) {
            guard width(hint) <= room else { break }
            shown.append(hint)
            room -= width(hint)
        }
        var x = rect.x + 1
        for hint in shown + essential {
            x += buffer.put(hint.key, x: x, y: rect.y, role: .hintKey)
            x += buffer.put(" " + hint.action + "  ", x: x, y: rect.y, role: .hint, limit: rect.maxX - x)
        }
    }

    mutating func handle(_ key: Key) -> Handled { .ignored }
}

/// The pane names on small terminals, where one pane shows at a time.
struct TabBar: Component {
    var focus: PaneID

    static func label(_ pane: PaneID) -> String { " \(pane.rawValue + 1) \(pane.title) " }

    func draw(into buffer: inout ScreenBuffer, in rect: Rect) {
        buffer.fill(rect, role: .tab)
        var x = rect.x
        for pane in PaneID.allCases {
            x += buffer.put(Self.label(pane), x: x, y: rect.y, role: pane == focus ? .tabActive : .tab) + 1
        }
    }

    mutating func handle(_ key: Key) -> Handled { .ignored }
}
