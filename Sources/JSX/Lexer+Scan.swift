/// Token scanning for the three modes the parser asks for.
extension Lexer {
    private static let puncts: [String] = [
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
        "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=",
        "&=", "|=", "^=", "**", "<<", ">>",
    ]
    private static let punctBytes: [[UInt8]] = puncts.map { Array($0.utf8) }
    private static let singles = Set("{}()[];,<>+-*/%&|^!~?:=.@".utf8)

    func make(_ kind: Token.Kind, _ start: Int, _ nl: Bool, _ text: String? = nil) -> Token {
        Token(kind: kind, text: text ?? self.text(start, pos), start: start, end: pos,
              line: tokLine, lineStart: tokLineStart, newlineBefore: nl)
    }

    /// The next token in ordinary JavaScript.
    mutating func next() throws(SyntaxError) -> Token {
        let nl = try skipTrivia()
        let start = pos
        tokLine = line; tokLineStart = lineStart
        guard pos < bytes.count else { return make(.eof, start, nl, "") }
        let b = bytes[pos]
        if b == UInt8(ascii: "#") {
            pos += 1
            guard let (name, _) = try readIdentifier() else { throw error("unexpected character '#'", at: start) }
            return make(.privateName, start, nl, name)
        }
        if let (name, escaped) = try readIdentifier() {
            var t = make(.name, start, nl, name)
            t.escaped = escaped
            return t
        }
        if (b >= 0x30 && b <= 0x39) || (b == UInt8(ascii: ".") && peekByte(1) >= 0x30 && peekByte(1) <= 0x39) {
            try readNumber()
            return make(.number, start, nl)
        }
        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
            let value = try readString(quote: b)
            return make(.string, start, nl, value)
        }
        if b == UInt8(ascii: "`") {
            pos += 1
            return try readTemplateChunk(start: start, nl: nl)
        }
        for (i, p) in Self.punctBytes.enumerated() where pos + p.count <= bytes.count {
            var match = true
            for k in 0..<p.count where bytes[pos + k] != p[k] { match = false; break }
            if match {
                // `a?.5:b` is a conditional, not optional chaining.
                if p == [0x3F, 0x2E], peekByte(2) >= 0x30 && peekByte(2) <= 0x39 { continue }
                pos += p.count
                return make(.punct, start, nl, Self.puncts[i])
            }
        }
        if Self.singles.contains(b) {
            pos += 1
            return make(.punct, start, nl)
        }
        if b >= 0x80 {
            throw error("unexpected character", at: start)
        }
        throw error("unexpected character '\(Character(Unicode.Scalar(b)))'", at: start)
    }

    private mutating func digits(_ valid: (UInt8) -> Bool) throws(SyntaxError) -> Int {
        var count = 0
        var lastUnderscore = false
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "_") {
                if count == 0 || lastUnderscore { throw error("invalid numeric separator") }
                lastUnderscore = true
            } else if valid(c) {
                lastUnderscore = false
                count += 1
            } else { break }
            pos += 1
        }
        if lastUnderscore { throw error("invalid numeric separator") }
        return count
    }

    mutating func readNumber() throws(SyntaxError) {
        let start = pos
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        if bytes[pos] == UInt8(ascii: "0"), pos + 1 < bytes.count {
            let radix = bytes[pos + 1] | 0x20
            let valid: ((UInt8) -> Bool)? = switch radix {
            case UInt8(ascii: "x"): { b in (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x66) }
            case UInt8(ascii: "o"): { $0 >= 0x30 && $0 <= 0x37 }
            case UInt8(ascii: "b"): { $0 == 0x30 || $0 == 0x31 }
            default: nil
            }
            if let valid {
                pos += 2
                guard try digits(valid) > 0 else { throw error("expected number in radix", at: start) }
                if peekByte() == UInt8(ascii: "n") { pos += 1 }
                try checkAfterNumber()
                return
            }
            if isDigit(bytes[pos + 1]) || bytes[pos + 1] == UInt8(ascii: "_") {
                throw error("legacy octal literals are not allowed in strict mode", at: start)
            }
        }
        var isInteger = true
        if bytes[pos] != UInt8(ascii: ".") { _ = try digits(isDigit) }
        if peekByte() == UInt8(ascii: "n") {
            pos += 1
            try checkAfterNumber()
            return
        }
        if peekByte() == UInt8(ascii: ".") {
            pos += 1
            isInteger = false
            if peekByte() == UInt8(ascii: "_") { throw error("invalid numeric separator") }
            _ = try digits(isDigit)
        }
        if peekByte() | 0x20 == UInt8(ascii: "e") {
            pos += 1
            if peekByte() == UInt8(ascii: "+") || peekByte() == UInt8(ascii: "-") { pos += 1 }
            guard try digits(isDigit) > 0 else { throw error("floating-point numbers require a valid exponent") }
            isInteger = false
        }
        _ = isInteger
        try checkAfterNumber()
    }

    private func checkAfterNumber() throws(SyntaxError) {
        guard pos < bytes.count else { return }
        let b = bytes[pos]
        if isIdentPart(b) || b == UInt8(ascii: "\\") || (b >= 0x80 && (scalar(at: pos)?.0.properties.isIDStart ?? false)) {
            throw error("identifier directly after number")
        }
    }

    mutating func readString(quote: UInt8) throws(SyntaxError) -> String {
        let start = pos
        pos += 1
        var out: [UInt8] = []
        while true {
            guard pos < bytes.count else { throw error("unterminated string constant", at: start) }
            let b = bytes[pos]
            if b == quote { pos += 1; break }
            if b == 0x0A || b == 0x0D { throw error("unterminated string constant", at: start) }
            if b == UInt8(ascii: "\\") {
                pos += 1
                try readEscape(into: &out, inTemplate: false)
            } else {
                out.append(b); pos += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One escape after the backslash; appends the cooked bytes.
    mutating func readEscape(into out: inout [UInt8], inTemplate: Bool) throws(SyntaxError) {
        guard pos < bytes.count else { throw error("unterminated escape") }
        let c = bytes[pos]
        pos += 1
        switch c {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "v"): out.append(0x0B)
        case 0x0D:
            if peekByte() == 0x0A { pos += 1 }
            newline(continuationAt: pos)
        case 0x0A: newline(continuationAt: pos)
        case UInt8(ascii: "x"):
            guard let h = hexValue(peekByte()), let l = hexValue(peekByte(1)) else { throw error("bad character escape sequence") }
            pos += 2
            out.append(contentsOf: Array(String(Unicode.Scalar(UInt8(h * 16 + l))).utf8))
        case UInt8(ascii: "u"):
            let s = try readUnicodeEscape()
            out.append(contentsOf: Array(String(s).utf8))
        case UInt8(ascii: "0") where !(peekByte() >= 0x30 && peekByte() <= 0x39):
            out.append(0)
        case 0x30...0x39:
            throw error(inTemplate ? "invalid escape sequence in template" : "octal escape sequences are not allowed in strict mode")
        default:
            pos -= 1
            if let (s, len) = scalar(at: pos) {
                if s.value == 0x2028 || s.value == 0x2029 { pos += len; return }
                out.append(contentsOf: bytes[pos..<pos + len]); pos += len
            } else {
                out.append(c); pos += 1
            }
        }
    }

    private mutating func newline(continuationAt p: Int) { line += 1; lineStart = p }

    /// Scans template text up to `${` or the closing backtick (the opening one is consumed).
    mutating func readTemplateChunk(start: Int, nl: Bool) throws(SyntaxError) -> Token {
        var out: [UInt8] = []
        while true {
            guard pos < bytes.count else { throw error("unterminated template", at: start) }
            let b = bytes[pos]
            if b == UInt8(ascii: "`") {
                pos += 1
                var t = make(.template, start, nl, String(decoding: out, as: UTF8.self))
                t.templateTail = true
                return t
            }
            if b == UInt8(ascii: "$") && peekByte(1) == UInt8(ascii: "{") {
                pos += 2
                return make(.template, start, nl, String(decoding: out, as: UTF8.self))
            }
            if b == UInt8(ascii: "\\") {
                pos += 1
                try readEscape(into: &out, inTemplate: true)
                continue
            }
            if b == 0x0A || (b == 0x0D && peekByte(1) != 0x0A) { newline(continuationAt: pos + 1) }
            out.append(b)
            pos += 1
        }
    }

    /// Re-reads from a `}` token as the continuation of a template literal.
    mutating func rescanTemplate(from brace: Token) throws(SyntaxError) -> Token {
        pos = brace.start + 1
        tokLine = brace.line; tokLineStart = brace.lineStart
        return try readTemplateChunk(start: brace.start, nl: brace.newlineBefore)
    }

    /// Re-reads from a `/` or `/=` token as a regular expression literal.
    mutating func rescanRegex(from slash: Token) throws(SyntaxError) -> Token {
        pos = slash.start + 1
        tokLine = slash.line; tokLineStart = slash.lineStart
        var inClass = false
        while true {
            guard pos < bytes.count else { throw error("unterminated regular expression", at: slash.start) }
            let b = bytes[pos]
            if b == 0x0A || b == 0x0D { throw error("unterminated regular expression", at: slash.start) }
            if b == UInt8(ascii: "\\") { pos += 2; continue }
            if b == UInt8(ascii: "[") { inClass = true }
            else if b == UInt8(ascii: "]") { inClass = false }
            else if b == UInt8(ascii: "/") && !inClass { pos += 1; break }
            pos += 1
        }
        var seen = Set<UInt8>()
        while pos < bytes.count, isIdentPart(bytes[pos]) {
            let f = bytes[pos]
            guard "dgimsuyv".utf8.contains(f), seen.insert(f).inserted else { throw error("invalid regular expression flag") }
            pos += 1
        }
        return make(.regex, slash.start, slash.newlineBefore)
    }

    /// Inside `<tag ...>`: names may contain `-`; strings have no escapes and may span lines.
    mutating func nextJSXTag() throws(SyntaxError) -> Token {
        let nl = try skipTrivia()
        let start = pos
        tokLine = line; tokLineStart = lineStart
        guard pos < bytes.count else { return make(.eof, start, nl, "") }
        let b = bytes[pos]
        if let (name, escaped) = try readIdentifier(allowDash: true) {
            var t = make(.name, start, nl, name)
            t.escaped = escaped
            return t
        }
        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
            pos += 1
            while true {
                guard pos < bytes.count else { throw error("unterminated string constant", at: start) }
                let c = bytes[pos]
                pos += 1
                if c == b { break }
                if c == 0x0A || (c == 0x0D && peekByte() != 0x0A) { newline(continuationAt: pos) }
            }
            return make(.string, start, nl, text(start + 1, pos - 1))
        }
        if "<>/{}=:.".utf8.contains(b) {
            pos += 1
            return make(.punct, start, nl)
        }
        return try next()
    }

    /// Between tags: text up to `{` or `<` (Babel 7.20 still lets a bare `>` or `}` through).
    mutating func nextJSXChild() throws(SyntaxError) -> Token {
        let start = pos
        tokLine = line; tokLineStart = lineStart
        guard pos < bytes.count else { return make(.eof, start, false, "") }
        let b = bytes[pos]
        if b == UInt8(ascii: "{") || b == UInt8(ascii: "<") {
            pos += 1
            return make(.punct, start, false)
        }
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "{") || c == UInt8(ascii: "<") { break }
            if c == 0x0A || (c == 0x0D && peekByte(1) != 0x0A) { newline(continuationAt: pos + 1) }
            pos += 1
        }
        return make(.jsxText, start, false)
    }
}
