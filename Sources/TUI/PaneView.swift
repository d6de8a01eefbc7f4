/// A boxed, titled, scrollable list of lines: the frame every pane shares.
/// The pane's content is computed for the inner width before the view is made.
struct PaneView: Component {
    var title: String
    var lines: [StyledLine]
    var scroll: ScrollState
    var focused: Bool
    /// The line drawn as selected (the intents pane's cursor).
    var highlighted: SelectionTarget?
    /// Inner height, so keys can page before the next draw.
    var page: Int

    func draw(into buffer: inout ScreenBuffer, in rect: Rect) {
        buffer.fill(rect, role: .text)
        buffer.box(rect, title: title, focused: focused)
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
        guard !inner.isEmpty else { return }
        let top = scroll.visibleTop(count: lines.count, page: inner.height)
        for row in 0..<inner.height {
            let index = top + row
            guard index < lines.count else { break }
            let line = lines[index]
            if let target = line.target, target == highlighted {
                buffer.fill(Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1), role: .selection)
                buffer.put(line.plain, x: inner.x, y: inner.y + row, role: .selection, limit: inner.width)
            } else {
                buffer.put(line, x: inner.x, y: inner.y + row, limit: inner.width)
            }
        }
        // Arrows on the right border say there is more above or below.
        let border: Role = focused ? .borderFocused : .border
        if top > 0 { buffer.put("↑", x: rect.maxX - 1, y: inner.y, role: border) }
        if top + inner.height < lines.count { buffer.put("↓", x: rect.maxX - 1, y: inner.maxY - 1, role: border) }
    }

    mutating func handle(_ key: Key) -> Handled {
        scroll.handle(key, count: lines.count, page: page)
    }

    /// Scrolls just enough that line `index` is visible.
    mutating func reveal(_ index: Int) {
        let top = scroll.visibleTop(count: lines.count, page: page)
        if index < top {
            scroll.scroll(by: index - top, count: lines.count, page: page)
        } else if index >= top + page {
            scroll.scroll(by: index - (top + page - 1), count: lines.count, page: page)
        }
    }
}

/// How times on the meeting's time line are written: 1:05, 12:40, 1:02:03.
enum TimeText {
    static func clock(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.rounded(.down)))
        let h = total / 3600, m = (total / 60) % 60, s = total % 60
        let ss = s < 10 ? "0\(s)" : "\(s)"
        if h > 0 { return "\(h):" + (m < 10 ? "0\(m)" : "\(m)") + ":" + ss }
        return (m < 10 ? "0\(m)" : "\(m)") + ":" + ss
    }

    /// Seconds with two decimals ("1.24s") or milliseconds below one second ("340ms").
    static func latency(_ seconds: Double) -> String {
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        let hundredths = Int((seconds * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)s"
    }

    static func signed(_ value: Double) -> String {
        let hundredths = Int((abs(value) * 100).rounded())
        let frac = hundredths % 100
        return (value < 0 ? "-" : "+") + "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
