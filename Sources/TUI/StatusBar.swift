import Core

/// The status line: live/paused, input, model, latency of the last component, queue, session,
/// output folder and the audio level. A warning or confirmation replaces the less important parts for a while.
struct StatusBar: Component {
    var model: MeetingViewModel
    var paused: Bool
    var notice: Notice?

    /// One part of the line.
    struct Segment {
        enum WhenTooLong { case keep, drop, shorten(to: String) }

        var text: String
        var role: Role
        /// Kept beside a notice on wide screens.
        var important: Bool
        var whenTooLong = WhenTooLong.keep
        /// Lower ones are shortened first.
        var shortenFirst = 0
    }

    func draw(into buffer: inout ScreenBuffer, in rect: Rect) {
        buffer.fill(rect, role: .status)
        var segments: [Segment] = []
        if model.finished {
            segments.append(Segment(text: "■ FINISHED", role: .statusPaused, important: true))
        } else if paused || model.status?.live == false {
            segments.append(Segment(text: "❚❚ PAUSED", role: .statusPaused, important: true))
        } else {
            segments.append(Segment(text: "● LIVE", role: .statusLive, important: true))
        }
        if let last = model.lastComponent {
            segments.append(Segment(text: "latency " + TimeText.latency(last.latency), role: .status, important: true))
        }
        if let activity = model.modelActivity {
            let got = activity.characters >= 1000 ? String(format: "%.1fk", Double(activity.characters) / 1000) : "\(activity.characters)"
            segments.append(Segment(text: "✎ \(activity.component.typeName) " + (activity.phase == .asking ? "asking model" : "\(got) chars"),
                                    role: .status, important: true))
        }
        if let usage = model.status?.modelUsage, usage.calls > 0 {
            let tokens = usage.promptTokens + usage.completionTokens
            let shown = tokens >= 1000 ? String(format: "%.1fk", Double(tokens) / 1000) : "\(tokens)"
            segments.append(Segment(text: "llm \(shown) tok \(String(format: "%.1f", usage.lastLatency)) s", role: .status, important: false))
        }
        let queue = "queue \(model.queueDepth)" + (model.isSlow ? " slow" : "")
        segments.append(Segment(text: queue, role: model.isSlow ? .warning : .status, important: true))
        if let level = model.status?.level {
            segments.append(Segment(text: "level " + Self.meter(level), role: .status, important: true))
        }
        if let dropped = model.status?.dropped, dropped > 0 {
            segments.append(Segment(text: "dropped \(dropped)", role: .warning, important: true))
        }
        if let s = model.status {
            // Which session and which folder come before where the talk comes from. When the line
            // is too long the source loses its folders, then the model goes, then the output folder
            // loses its leading folders, and whatever still does not fit is cut at the end.
            segments.append(Segment(text: "session " + s.sessionID, role: .status, important: false))
            segments.append(Segment(text: "out " + s.outputFolder, role: .status, important: false,
                                    whenTooLong: .shorten(to: "out " + Self.shortFolder(s.outputFolder)), shortenFirst: 2))
            segments.append(Segment(text: "src " + s.source, role: .status, important: false,
                                    whenTooLong: .shorten(to: "src " + Self.shortSource(s.source)), shortenFirst: 0))
            segments.append(Segment(text: "model " + s.model, role: .status, important: false, whenTooLong: .drop,
                                    shortenFirst: 1))
        } else {
            segments.append(Segment(text: "waiting for the pipeline", role: .status, important: false))
        }
        // Beside a notice only the important parts stay (on narrow screens only live/paused),
        // so a path in the notice stays readable.
        let wide = rect.width >= 110
        if notice != nil {
            segments = segments.enumerated().filter { i, segment in i == 0 || (segment.important && wide) }.map(\.element)
        }
        segments = Self.fit(segments, width: rect.width - 2 - (notice.map { TextWidth.width($0.text) } ?? 0))

        var x = rect.x + 1
        let end = rect.maxX
        for (i, segment) in segments.enumerated() {
            let w = TextWidth.width(segment.text)
            if x + w > end - 1 {
                if x < end - 1 && (!segment.important || i == 0) {
                    buffer.put(TextWidth.truncate(segment.text, to: end - 1 - x), x: x, y: rect.y, role: segment.role)
                }
                break
            }
            buffer.put(segment.text, x: x, y: rect.y, role: segment.role)
            x += w
            let last = i == segments.count - 1 && notice == nil
            if !last && x + 3 < end { buffer.put(" │ ", x: x, y: rect.y, role: .status); x += 3 }
        }
        if let notice, x < end - 1 {
            buffer.put(TextWidth.truncate(notice.text, to: end - 1 - x), x: x, y: rect.y, role: notice.role)
        }
    }

    /// Shortens segments, in their `shortenFirst` order, until the line fits `width` (or nothing more can be shortened).
    static func fit(_ segments: [Segment], width: Int) -> [Segment] {
        func total(_ s: [Segment]) -> Int { s.reduce(0) { $0 + TextWidth.width($1.text) } + 3 * max(0, s.count - 1) }
        var result = segments
        let order = result.indices.sorted { result[$0].shortenFirst < result[$1].shortenFirst }
        for i in order where total(result) > width {
            switch result[i].whenTooLong {
            case .keep: continue
            case .drop: result[i].text = ""
            case .shorten(let short): result[i].text = short
            }
        }
        return result.filter { !$0.text.isEmpty }
    }

    /// "call.vtt" for "transcript /home/ana/calls/call.vtt": the file's name is what people recognise
    /// (its kind shows in the name). A device ("alsa:default") stays as it is.
    static func shortSource(_ source: String) -> String {
        guard let path = source.split(separator: " ", maxSplits: 1).last,
              let name = path.split(separator: "/").last else { return source }
        return String(name)
    }

    /// "…/app/mockpilot-out" for "/home/ana/app/mockpilot-out", at most 28 columns: the folder's own
    /// name and its parent tell it apart from other output folders.
    static func shortFolder(_ path: String) -> String {
        let parts = path.split(separator: "/")
        let tail = parts.count > 2 ? "…/" + parts.suffix(2).joined(separator: "/") : path
        return TextWidth.truncateLeft(tail, to: 28)
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
        ("[ ]", "version"), ("e", "export"), ("n", "rename"), ("t", "theme"), ("i", "insights"), ("?", "help"), ("q", "quit"),
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
