/// A run of text in one role.
public struct Span: Sendable, Equatable {
    public var text: String
    public var role: Role
    public init(_ text: String, _ role: Role) {
        self.text = text
        self.role = role
    }
}

/// One screen line made of spans.
public struct StyledLine: Sendable, Equatable {
    public var spans: [Span]
    /// A line a selection cursor can sit on, and what it selects.
    public var target: SelectionTarget?

    public init(_ spans: [Span] = [], target: SelectionTarget? = nil) {
        self.spans = spans
        self.target = target
    }

    public init(_ text: String, _ role: Role) {
        self.init([Span(text, role)])
    }

    public var plain: String { spans.map(\.text).joined() }
    public var width: Int { spans.reduce(0) { $0 + TextWidth.width($1.text) } }

    /// Word-wraps spans into lines of at most `width` cells; continuation lines start with `indent` spaces.
    /// Leading spaces of the first line (code indentation) are kept; a word longer than a line is cut.
    public static func wrap(_ spans: [Span], width: Int, indent: Int = 0) -> [StyledLine] {
        guard width > 0 else { return [] }
        let indent = min(indent, width / 2)
        var lines: [StyledLine] = []
        var current: [Span] = []
        var used = 0
        var first = true

        func newLine() {
            // A line ends at a space; the space itself is not worth a cell.
            while let last = current.last, last.text.hasSuffix(" "), current.count > 1 || indent == 0 || !first {
                let trimmed = String(last.text.reversed().drop { $0 == " " }.reversed())
                if trimmed.isEmpty { current.removeLast() } else { current[current.count - 1].text = trimmed; break }
            }
            lines.append(StyledLine(current))
            current = indent > 0 ? [Span(String(repeating: " ", count: indent), .text)] : []
            used = indent
            first = false
        }
        func append(_ text: String, _ role: Role) {
            if let last = current.last, last.role == role {
                current[current.count - 1].text += text
            } else {
                current.append(Span(text, role))
            }
        }

        for span in spans {
            for token in tokens(span.text) {
                let isSpace = token.first == " "
                let w = TextWidth.width(token)
                if isSpace {
                    if used == indent && !first { continue }
                    if used + w > width {
                        newLine()
                        continue
                    }
                    append(token, span.role)
                    used += w
                    continue
                }
                if used + w > width && used > indent { newLine() }
                var rest = Substring(token)
                while TextWidth.width(String(rest)) > width - used {
                    var piece = ""
                    var pw = 0
                    for c in rest {
                        let cw = TextWidth.glyph(c).width
                        if used + pw + cw > width { break }
                        piece.append(c)
                        pw += cw
                    }
                    if piece.isEmpty && used == indent { piece = String(rest.prefix(1)); pw = 1 }
                    if !piece.isEmpty { append(piece, span.role) }
                    rest = rest.dropFirst(piece.count)
                    used += pw
                    newLine()
                }
                if !rest.isEmpty {
                    append(String(rest), span.role)
                    used += TextWidth.width(String(rest))
                }
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(StyledLine(current)) }
        return lines
    }

    /// Splits into alternating runs of spaces and non-spaces.
    private static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var inSpace: Bool?
        for c in text {
            let space = c == " "
            if inSpace != nil && inSpace != space {
                result.append(current)
                current = ""
            }
            current.append(c)
            inSpace = space
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
