/// The hand-written scanner. The parser drives it: it asks for a token in normal, JSX-tag or
/// JSX-child mode, and re-scans a `/` as a regex or a `}` as a template continuation when the
/// grammar says so, which is how the classic `/` ambiguity is settled.
struct Lexer: Sendable {
    struct State: Sendable { var pos: Int; var line: Int; var lineStart: Int; var tokLine: Int; var tokLineStart: Int }

    let bytes: [UInt8]
    var pos = 0
    var line = 1
    var lineStart = 0
    var tokLine = 1
    var tokLineStart = 0

    init(_ source: String) { bytes = Array(source.utf8) }

    var state: State { State(pos: pos, line: line, lineStart: lineStart, tokLine: tokLine, tokLineStart: tokLineStart) }
    mutating func restore(_ s: State) {
        pos = s.pos; line = s.line; lineStart = s.lineStart; tokLine = s.tokLine; tokLineStart = s.tokLineStart
    }

    func column(of offset: Int, lineStart: Int? = nil) -> Int {
        // Count scalars, not bytes, so the column matches what an editor shows.
        var col = 1
        var i = lineStart ?? self.lineStart
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        return col
    }

    /// Column of any offset, found by walking back to its line start (used only for messages).
    func column(ofOffset offset: Int) -> Int {
        var start = min(offset, bytes.count)
        while start > 0 && bytes[start - 1] != 0x0A && bytes[start - 1] != 0x0D { start -= 1 }
        return column(of: offset, lineStart: start)
    }

    func error(_ reason: String, at offset: Int? = nil) -> SyntaxError {
        let o = offset ?? pos
        // An offset before the current line start belongs to the token's own line.
        if o < lineStart { return SyntaxError(line: tokLine, column: column(of: o, lineStart: tokLineStart), reason: reason) }
        return SyntaxError(line: line, column: column(of: o), reason: reason)
    }

    func error(_ reason: String, at token: Token) -> SyntaxError {
        SyntaxError(line: token.line, column: column(of: token.start, lineStart: token.lineStart), reason: reason)
    }

    func peekByte(_ ahead: Int = 0) -> UInt8 {
        let i = pos + ahead
        return i < bytes.count ? bytes[i] : 0
    }

    private mutating func newline(at i: Int, width: Int) {
        line += 1
        lineStart = i + width
    }

    /// Decodes the scalar at `i`; returns it and its byte length (invalid UTF-8 gives nil).
    func scalar(at i: Int) -> (Unicode.Scalar, Int)? {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        var len = 0
        var value: UInt32 = 0
        if b0 & 0xE0 == 0xC0 { len = 2; value = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { len = 3; value = UInt32(b0 & 0x0F) }
        else if b0 & 0xF8 == 0xF0 { len = 4; value = UInt32(b0 & 0x07) }
        else { return nil }
        guard i + len <= bytes.count else { return nil }
        for k in 1..<len {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(b & 0x3F)
        }
        guard let s = Unicode.Scalar(value) else { return nil }
        return (s, len)
    }

    /// Skips whitespace and comments; reports whether a line break was crossed.
    mutating func skipTrivia() throws(SyntaxError) -> Bool {
        var sawNewline = false
        while pos < bytes.count {
            let b = bytes[pos]
            switch b {
            case 0x20, 0x09, 0x0B, 0x0C: pos += 1
            case 0x0A: newline(at: pos, width: 1); pos += 1; sawNewline = true
            case 0x0D:
                let w = peekByte(1) == 0x0A ? 2 : 1
                newline(at: pos, width: w); pos += w; sawNewline = true
            case UInt8(ascii: "/") where peekByte(1) == UInt8(ascii: "/"):
                while pos < bytes.count && bytes[pos] != 0x0A && bytes[pos] != 0x0D { pos += 1 }
            case UInt8(ascii: "/") where peekByte(1) == UInt8(ascii: "*"):
                let open = pos
                pos += 2
                var closed = false
                while pos < bytes.count {
                    if bytes[pos] == UInt8(ascii: "*") && peekByte(1) == UInt8(ascii: "/") { pos += 2; closed = true; break }
                    if bytes[pos] == 0x0A { newline(at: pos, width: 1); sawNewline = true }
                    else if bytes[pos] == 0x0D { if peekByte(1) != 0x0A { newline(at: pos, width: 1) }; sawNewline = true }
                    pos += 1
                }
                if !closed { throw error("unterminated comment", at: open) }
            default:
                guard b >= 0x80, let (s, len) = scalar(at: pos) else { return sawNewline }
                if s.value == 0x2028 || s.value == 0x2029 {
                    newline(at: pos, width: len); pos += len; sawNewline = true
                } else if s.value == 0xA0 || s.value == 0xFEFF || s.properties.generalCategory == .spaceSeparator {
                    pos += len
                } else {
                    return sawNewline
                }
            }
        }
        return sawNewline
    }

    func isIdentStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x24 || b == 0x5F
    }

    func isIdentPart(_ b: UInt8) -> Bool { isIdentStart(b) || (b >= 0x30 && b <= 0x39) }

    /// Reads an identifier name at `pos` (ASCII fast path, Unicode ID_Start/ID_Continue, `\u` escapes).
    mutating func readIdentifier(allowDash: Bool = false) throws(SyntaxError) -> (String, Bool)? {
        let start = pos
        var escaped = false
        var text = ""
        var first = true
        while pos < bytes.count {
            let b = bytes[pos]
            if isIdentPart(b) || (allowDash && b == UInt8(ascii: "-") && !first) {
                if first && b >= 0x30 && b <= 0x39 { break }
                text.unicodeScalars.append(Unicode.Scalar(b)); pos += 1
            } else if b == UInt8(ascii: "\\") {
                guard peekByte(1) == UInt8(ascii: "u") else { throw error("invalid escape in identifier") }
                pos += 2
                let s = try readUnicodeEscape()
                guard first ? s.properties.isIDStart || s == "$" || s == "_" : s.properties.isIDContinue || s == "$" else {
                    throw error("invalid identifier escape")
                }
                text.unicodeScalars.append(s)
                escaped = true
            } else if b >= 0x80, let (s, len) = scalar(at: pos),
                      first ? s.properties.isIDStart : (s.properties.isIDContinue || s.value == 0x200C || s.value == 0x200D) {
                text.unicodeScalars.append(s); pos += len
            } else {
                break
            }
            first = false
        }
        return pos == start ? nil : (text, escaped)
    }

    mutating func readUnicodeEscape() throws(SyntaxError) -> Unicode.Scalar {
        var value: UInt32 = 0
        if peekByte() == UInt8(ascii: "{") {
            pos += 1
            var digits = 0
            while let d = hexValue(peekByte()) { value = value * 16 + d; pos += 1; digits += 1; if value > 0x10FFFF { break } }
            guard digits > 0, peekByte() == UInt8(ascii: "}"), value <= 0x10FFFF else { throw error("invalid Unicode escape") }
            pos += 1
        } else {
            for _ in 0..<4 {
                guard let d = hexValue(peekByte()) else { throw error("invalid Unicode escape") }
                value = value * 16 + d; pos += 1
            }
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: UInt32(b - 0x30)
        case 0x61...0x66: UInt32(b - 0x61 + 10)
        case 0x41...0x46: UInt32(b - 0x41 + 10)
        default: nil
        }
    }

    func text(_ from: Int, _ to: Int) -> String {
        String(decoding: bytes[from..<min(to, bytes.count)], as: UTF8.self)
    }
}
