/// Colours JSX source by token: keywords, strings, tags, attributes, comments, numbers.
/// A display lexer, not a parser: it only has to look right, and it keeps state across lines
/// for block comments, template strings and tags whose attributes span lines.
struct JSXHighlighter {
    private enum Mode {
        case code, blockComment, template, tag
    }

    static let keywords: Set<String> = [
        "import", "export", "default", "from", "function", "return", "const", "let", "var", "if", "else",
        "for", "while", "new", "class", "extends", "async", "await", "true", "false", "null", "undefined",
        "typeof", "of", "in", "switch", "case", "break", "this", "as",
    ]

    private var mode = Mode.code

    /// Highlights a whole file; tabs become two spaces.
    static func highlight(_ source: String) -> [[Span]] {
        var lexer = JSXHighlighter()
        return source.split(separator: "\n", omittingEmptySubsequences: false).map {
            lexer.line(String($0).replacingTabs)
        }
    }

    mutating func line(_ text: String) -> [Span] {
        var spans: [Span] = []
        func emit(_ s: String, _ role: Role) {
            guard !s.isEmpty else { return }
            if let last = spans.last, last.role == role { spans[spans.count - 1].text += s } else { spans.append(Span(s, role)) }
        }
        let chars = Array(text)
        var i = 0
        var lastSignificant: Character?
        while i < chars.count {
            let c = chars[i]
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            switch mode {
            case .blockComment:
                let start = i
                while i < chars.count && !(chars[i] == "*" && i + 1 < chars.count && chars[i + 1] == "/") { i += 1 }
                if i < chars.count { i += 2; mode = .code }
                emit(String(chars[start..<min(i, chars.count)]), .codeComment)
                continue
            case .template:
                let start = i
                while i < chars.count && chars[i] != "`" { i += 1 }
                if i < chars.count { i += 1; mode = .code }
                emit(String(chars[start..<i]), .codeString)
                continue
            case .code, .tag:
                break
            }
            if c == "/" && next == "/" {
                emit(String(chars[i...]), .codeComment)
                return spans
            }
            if c == "/" && next == "*" {
                mode = .blockComment
                emit("/*", .codeComment)
                i += 2
                continue
            }
            if c == "\"" || c == "'" {
                let start = i
                i += 1
                while i < chars.count && chars[i] != c { i += chars[i] == "\\" ? 2 : 1 }
                i = min(i + 1, chars.count)
                emit(String(chars[start..<i]), .codeString)
                lastSignificant = c
                continue
            }
            if c == "`" {
                mode = .template
                emit("`", .codeString)
                i += 1
                continue
            }
            if mode == .code && c == "<" && Self.opensTag(next: next, previous: lastSignificant) {
                mode = .tag
                var open = "<"
                i += 1
                if i < chars.count && chars[i] == "/" { open += "/"; i += 1 }
                emit(open, .codePunctuation)
                let start = i
                while i < chars.count && (chars[i].isLetter || chars[i].isNumber || chars[i] == "." || chars[i] == "_") { i += 1 }
                emit(String(chars[start..<i]), .codeTag)
                if i < chars.count && chars[i] == ">" { emit(">", .codePunctuation); i += 1; mode = .code }
                lastSignificant = ">"
                continue
            }
            if mode == .tag && (c == ">" || (c == "/" && next == ">")) {
                let close = c == ">" ? ">" : "/>"
                emit(close, .codePunctuation)
                i += close.count
                mode = .code
                lastSignificant = ">"
                continue
            }
            if c.isLetter || c == "_" || c == "$" {
                let start = i
                while i < chars.count && (chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "$" || chars[i] == "-") {
                    if chars[i] == "-" && mode != .tag { break }
                    i += 1
                }
                let word = String(chars[start..<i])
                let keyword = mode != .tag && Self.keywords.contains(word)
                emit(word, mode == .tag ? .codeAttribute : (keyword ? .codeKeyword : .text))
                // After `return` or `=>`-like keywords a `<` opens JSX; after a name it compares.
                lastSignificant = keyword && word != "this" ? "=" : "a"
                continue
            }
            if c.isNumber {
                let start = i
                while i < chars.count && (chars[i].isNumber || chars[i] == ".") { i += 1 }
                emit(String(chars[start..<i]), .codeNumber)
                lastSignificant = "0"
                continue
            }
            emit(String(c), "{}()[];,=.:?".contains(c) ? .codePunctuation : .text)
            if c != " " { lastSignificant = c }
            i += 1
        }
        return spans
    }

    /// `<` starts a tag when a name, `/` or `>` follows and it does not follow a value (`a < b`).
    private static func opensTag(next: Character?, previous: Character?) -> Bool {
        guard let next, next.isLetter || next == "/" || next == ">" else { return false }
        guard let previous else { return true }
        return !(previous.isLetter || previous.isNumber || previous == ")" || previous == "]")
    }
}

extension String {
    var replacingTabs: String {
        contains("\t") ? split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "  ") : self
    }
}
