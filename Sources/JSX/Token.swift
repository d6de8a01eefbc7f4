/// One lexical token, with where it starts so errors can point at it.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case eof
        case name          // identifier or keyword
        case privateName   // #field
        case punct
        case number
        case string
        case template      // a chunk of a template literal; `text` is the cooked-ish raw text
        case regex
        case jsxText
    }

    var kind: Kind
    var text: String
    var start: Int
    var end: Int
    var line: Int
    /// Byte offset where the token's line starts; columns are worked out only when needed.
    var lineStart: Int
    /// A line break came before this token (drives automatic semicolon insertion).
    var newlineBefore: Bool
    /// For templates: this chunk ends with the closing backtick rather than `${`.
    var templateTail = false
    /// An identifier written with a `\u` escape may not be used as a keyword.
    var escaped = false

    func isPunct(_ p: String) -> Bool { kind == .punct && text == p }
    func isName(_ n: String) -> Bool { kind == .name && text == n && !escaped }
}

/// A syntax error: where and why. The parser stops at the first one, as Babel does.
struct SyntaxError: Error, Sendable {
    var line: Int
    var column: Int
    var reason: String
}
