/// Every key, in a box over the middle of the screen.
struct HelpOverlay: Component {
    static let entries: [(key: String, action: String)] = [
        ("g", "generate a component now, else make the newest suggestion"),
        ("space", "pause / resume listening"),
        ("tab / shift-tab", "focus the next / previous pane"),
        ("1 2 3 4", "focus transcript / intents / component / insights"),
        ("↑ ↓  j k", "scroll the focused pane (move the cursor in Intents)"),
        ("PgUp PgDn Home End", "scroll by a page / to either end"),
        ("enter", "show the intent's or component's code, make a suggestion"),
        ("[  ]", "older / newer version of the component"),
        ("e", "export every component to the export folder"),
        ("n", "rename the speaker of the newest line shown in Transcript"),
        ("t", "next colour theme"),
        ("i", "refresh insights"),
        ("mouse click", "focus the pane under the pointer"),
        ("?  esc", "show / hide this help"),
        ("q  ctrl-c", "quit"),
    ]

    var themeName: String

    func draw(into buffer: inout ScreenBuffer, in rect: Rect) {
        let keyWidth = Self.entries.map { TextWidth.width($0.key) }.max() ?? 0
        let textWidth = Self.entries.map { TextWidth.width($0.action) }.max() ?? 0
        let width = min(rect.width - 2, keyWidth + textWidth + 7)
        let height = min(rect.height, Self.entries.count + 4)
        guard width > 10 && height > 4 else { return }
        let box = Rect(x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height - height) / 2,
                       width: width, height: height)
        buffer.fill(box, role: .overlay)
        buffer.box(box, title: "Keys", focused: true)
        let inner = box.inset(1)
        let keyColumn = min(keyWidth, inner.width / 3)
        for (i, entry) in Self.entries.prefix(inner.height - 2).enumerated() {
            let y = inner.y + i
            buffer.put(" " + entry.key, x: inner.x, y: y, role: .overlayTitle, limit: keyColumn + 1)
            buffer.put(TextWidth.truncate(entry.action, to: inner.width - keyColumn - 3), x: inner.x + keyColumn + 3, y: y,
                       role: .overlay)
        }
        buffer.put(TextWidth.truncate(" theme: \(themeName) · ? or esc closes · other keys act", to: inner.width),
                   x: inner.x, y: inner.maxY - 1, role: .dim)
    }

    mutating func handle(_ key: Key) -> Handled {
        switch key {
        case .char("?"), .escape: .handled
        default: .ignored
        }
    }
}
