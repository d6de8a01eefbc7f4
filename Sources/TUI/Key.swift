/// A key press or mouse action, independent of ncurses' key codes.
public enum Key: Sendable, Equatable {
    case char(Character)
    case tab, backTab
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace
    /// Ctrl-C: in raw mode it arrives as a key, not as SIGINT.
    case interrupt
    case resize
    case click(x: Int, y: Int)
    case wheel(x: Int, y: Int, delta: Int)
}

/// Whether a component used a key, so the parent knows whether to try it elsewhere.
public enum Handled: Sendable, Equatable {
    case handled
    case ignored
}

/// What a component offers the screen: it draws itself in a rectangle and may use keys.
public protocol Component {
    func draw(into buffer: inout ScreenBuffer, in rect: Rect)
    mutating func handle(_ key: Key) -> Handled
}

/// What a selectable line in the intents pane stands for.
public enum SelectionTarget: Sendable, Equatable, Hashable {
    case intent(Int)
    case component(String)
    /// An offer not yet made, by the utterance it was heard in.
    case suggestion(String)
    /// A transcript line, by its utterance id (the line `n` renames the speaker of).
    case line(String)
}
