/// The one-line prompt `n` opens in place of the key hints: a new name for the speaker of a
/// transcript line. Typing edits it, enter confirms, esc cancels. The screen only asks: the
/// meeting owns the names and answers with a `.speaker` event, which is what the panes show.
public struct SpeakerPrompt: Sendable, Equatable {
    /// What the prompt decided, read by the screen after `handle`.
    public enum Outcome: Sendable, Equatable {
        case editing
        case confirmed(name: String)
        case cancelled
    }

    /// The label of the lines being renamed ("Speaker 1", "Call", a VTT name).
    public var label: String
    /// The name the speaker goes by now, shown so the user knows whom they rename.
    public var current: String
    public private(set) var text = ""
    public private(set) var outcome = Outcome.editing

    /// As long as the meeting keeps (MeetingStateMachine.longestSpeakerName); typing past it does nothing.
    static let longestName = 40

    public init(label: String, current: String) {
        self.label = label
        self.current = current
    }

    /// The name as it would be sent: spaces collapsed; empty when nothing was typed.
    var name: String { text.split(separator: " ").joined(separator: " ") }

    mutating func handle(_ key: Key) -> Handled {
        switch key {
        case .enter:
            let name = self.name
            outcome = name.isEmpty || name == current ? .cancelled : .confirmed(name: name)
        case .escape:
            outcome = .cancelled
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        case .char(let c):
            // One line of printable text: control characters and line breaks are not names.
            let printable = !c.isNewline && !c.unicodeScalars.contains { $0.properties.generalCategory == .control }
            if printable && text.count < Self.longestName { text.append(c.isWhitespace ? " " : c) }
        default:
            return .ignored
        }
        return .handled
    }

    /// "Rename Speaker 1 (now Ana): Bo▏   enter confirms · esc cancels", cut to the row.
    func draw(into buffer: inout ScreenBuffer, in rect: Rect) {
        buffer.fill(rect, role: .hint)
        let question = current == label ? "Rename \(label): " : "Rename \(label) (now \(current)): "
        let help = "   enter confirms · esc cancels"
        var x = rect.x + 1
        x += buffer.put(question, x: x, y: rect.y, role: .hintKey, limit: max(0, rect.maxX - x))
        // The end of what was typed stays in view, with the cursor after it.
        let room = max(1, rect.maxX - x - 1)
        let typed = TextWidth.width(text) + 1 > room ? TextWidth.truncateLeft(text, to: room - 1) : text
        x += buffer.put(typed + "▏", x: x, y: rect.y, role: .text, limit: max(0, rect.maxX - x))
        if x + TextWidth.width(help) < rect.maxX {
            buffer.put(help, x: x, y: rect.y, role: .hint)
        }
    }
}
