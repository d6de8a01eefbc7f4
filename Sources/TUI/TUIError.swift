import Foundation

/// Why the terminal screen could not start or a theme could not be used.
public enum TUIError: Error, LocalizedError, Equatable {
    case themeSyntax(file: String, line: Int, reason: String)
    case themesFolderUnreadable(String)
    case unknownTheme(String, available: [String])
    case notATerminal
    case terminalUnavailable(term: String)

    public var errorDescription: String? {
        switch self {
        case .themeSyntax(let file, let line, let reason):
            "\(file):\(line): \(reason)"
        case .themesFolderUnreadable(let path):
            "cannot read themes at \(path); point --themes-dir (or MOCKPILOT_THEMES) at the Themes folder"
        case .unknownTheme(let name, let available):
            "no theme named '\(name)'; available: \(available.joined(separator: ", "))"
        case .notATerminal:
            "the screen needs a terminal on stdin and stdout; use --no-tui to print events as JSON Lines"
        case .terminalUnavailable(let term):
            "cannot start the screen on terminal type '\(term)'; set TERM (e.g. xterm-256color) or use --no-tui"
        }
    }
}
