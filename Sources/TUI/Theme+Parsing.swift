import Core

/// The `.theme` file format:
///
///     # comment
///     name = dark
///     <role> = <foreground> [on <background>] [bold] [dim] [italic] [underline] [reverse]
///
/// Colours are names (`default`, `black`, `red`, ..., `bright-white`, `gray`) or 0-255.
extension Theme {
    static let colorNames: [String: Int] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// Parses a theme file's text; errors name the file and line.
    public static func parse(_ text: String, file: String, defaultName: String) throws(TUIError) -> Theme {
        var name = defaultName
        var styles: [Role: RoleStyle] = [:]
        for (number, raw) in JSONLines.numberedLines(text) {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty { continue }
            guard let eq = trimmed.firstIndex(of: "=") else {
                throw .themeSyntax(file: file, line: number, reason: "expected `key = value`")
            }
            let key = String(trimmed[..<eq]).trimmingSpaces.lowercased()
            let value = String(trimmed[trimmed.index(after: eq)...]).trimmingSpaces
            if key == "name" {
                name = value
                continue
            }
            guard let role = Role(rawValue: key) else {
                let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
                throw .themeSyntax(file: file, line: number, reason: "unknown key `\(key)` (known: name, \(known))")
            }
            styles[role] = try parseStyle(value, file: file, line: number)
        }
        return Theme(name: name, styles: styles)
    }

    static func parseStyle(_ value: String, file: String, line: Int) throws(TUIError) -> RoleStyle {
        var style = RoleStyle()
        let words = value.lowercased().split(separator: " ").map(String.init)
        var i = 0
        var sawForeground = false
        while i < words.count {
            let word = words[i]
            switch word {
            case "bold": style.bold = true
            case "dim": style.dim = true
            case "italic": style.italic = true
            case "underline": style.underline = true
            case "reverse": style.reverse = true
            case "on":
                guard i + 1 < words.count else {
                    throw .themeSyntax(file: file, line: line, reason: "`on` needs a background colour")
                }
                style.background = try parseColor(words[i + 1], file: file, line: line)
                i += 1
            default:
                guard !sawForeground else {
                    throw .themeSyntax(file: file, line: line, reason: "unexpected `\(word)`")
                }
                style.foreground = try parseColor(word, file: file, line: line)
                sawForeground = true
            }
            i += 1
        }
        return style
    }

    static func parseColor(_ word: String, file: String, line: Int) throws(TUIError) -> TermColor {
        if word == "default" { return .terminalDefault }
        if let n = Int(word) {
            guard (0...255).contains(n) else {
                throw .themeSyntax(file: file, line: line, reason: "colour \(n) is outside 0-255")
            }
            return .index(n)
        }
        if let n = colorNames[word] { return .index(n) }
        throw .themeSyntax(file: file, line: line, reason: "unknown colour `\(word)` (use a name like cyan or 0-255)")
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
