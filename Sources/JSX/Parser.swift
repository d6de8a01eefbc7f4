/// Recursive-descent parser for the JavaScript + JSX that React components are written in,
/// as an ES module (strict mode). It stops at the first error, like Babel, and refuses input
/// nested deeper than `maxDepth` instead of exhausting the stack.
struct Parser {
    static let maxDepth = 1000
    static let reserved: Set<String> = [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
        "export", "extends", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "return",
        "super", "switch", "this", "throw", "try", "typeof", "var", "void", "while", "with", "null", "true",
        "false", "enum", "let", "static", "implements", "interface", "package", "private", "protected", "public",
        "yield",
    ]

    var lexer: Lexer
    var tok: Token
    var prevEnd = 0
    var depth = 0
    // Context that decides which statements and keywords are legal here.
    var inFunction = false
    var inAsync = false
    var inGenerator = false
    /// `super(...)` is legal only in a subclass constructor, `super.x` only in methods (and arrows inside them).
    var superCallAllowed = false
    var superPropertyAllowed = false
    var loopDepth = 0
    var switchDepth = 0
    var labels: [String] = []
    /// `{a = 1}` is only legal if it turns out to be a pattern; offsets of those still pending.
    var pendingCoverInits: [Int: Token] = [:]
    var exportedNames: Set<String> = []

    init(_ source: String) {
        lexer = Lexer(source)
        tok = Token(kind: .eof, text: "", start: 0, end: 0, line: 1, lineStart: 0, newlineBefore: false)
    }

    // MARK: Tokens

    mutating func advance() throws(SyntaxError) {
        prevEnd = tok.end
        tok = try lexer.next()
    }

    mutating func advanceJSXTag() throws(SyntaxError) {
        prevEnd = tok.end
        tok = try lexer.nextJSXTag()
    }

    mutating func advanceJSXChild() throws(SyntaxError) {
        prevEnd = tok.end
        tok = try lexer.nextJSXChild()
    }

    mutating func peek() throws(SyntaxError) -> Token {
        let saved = lexer.state
        defer { lexer.restore(saved) }
        return try lexer.next()
    }

    func fail(_ reason: String, at t: Token? = nil) -> SyntaxError {
        lexer.error(reason, at: t ?? tok)
    }

    func unexpected() -> SyntaxError {
        switch tok.kind {
        case .eof: fail("unexpected end of input")
        case .name where Self.reserved.contains(tok.text): fail("unexpected keyword '\(tok.text)'")
        default: fail("unexpected token '\(tok.text.prefix(20))'")
        }
    }

    mutating func eat(_ p: String) throws(SyntaxError) -> Bool {
        guard tok.isPunct(p) else { return false }
        try advance()
        return true
    }

    mutating func expect(_ p: String) throws(SyntaxError) {
        guard tok.isPunct(p) else {
            throw tok.kind == .eof ? fail("unexpected end of input, expected '\(p)'") : fail("expected '\(p)'")
        }
        try advance()
    }

    mutating func eatName(_ n: String) throws(SyntaxError) -> Bool {
        guard tok.isName(n) else { return false }
        try advance()
        return true
    }

    /// Automatic semicolon insertion: a `;`, or a `}`, the end, or a line break before the next token.
    mutating func semicolon() throws(SyntaxError) {
        if try eat(";") { return }
        if tok.isPunct("}") || tok.kind == .eof || tok.newlineBefore { return }
        throw fail("missing semicolon")
    }

    func node(_ kind: Node.Kind, _ text: String = "", at t: Token, _ children: [Node] = []) throws(SyntaxError) -> Node {
        let n = Node(kind, text, line: t.line, offset: t.start, children)
        if n.height > Self.maxDepth * 4 { throw fail("nesting too deep", at: t) }
        return n
    }

    func node(_ kind: Node.Kind, _ text: String = "", from n0: Node, _ children: [Node]) throws(SyntaxError) -> Node {
        let n = Node(kind, text, line: n0.line, offset: n0.offset, children)
        if n.height > Self.maxDepth * 4 { throw fail("nesting too deep") }
        return n
    }

    mutating func enter() throws(SyntaxError) {
        depth += 1
        // Depth counts the parser's own steps, not brackets: "(" alone takes up to three (an
        // expression, a unary, a primary), so the message names steps rather than levels.
        if depth > Self.maxDepth {
            throw fail("nesting too deep: the checker follows at most \(Self.maxDepth) nested expressions, statements and elements, and one pair of brackets can take several")
        }
    }

    mutating func leave() { depth -= 1 }

    // MARK: Program

    mutating func parseProgram() throws(SyntaxError) -> Node {
        let first = tok
        try advance()
        var body: [Node] = []
        while tok.kind != .eof {
            body.append(try parseStatement(topLevel: true))
        }
        if let (_, t) = pendingCoverInits.min(by: { $0.key < $1.key }) {
            throw fail("invalid shorthand property initializer", at: t)
        }
        let program = try node(.program, at: first, body)
        var scopes = ScopeChecker(lexer: lexer)
        try scopes.check(program)
        return program
    }

    func isIdentifierToken(_ t: Token) -> Bool {
        t.kind == .name && (!Self.reserved.contains(t.text) || t.escaped)
    }

    /// A binding or reference name; reserved words and `eval`/`arguments` bindings are refused.
    mutating func parseIdentifier(binding: Bool = false) throws(SyntaxError) -> Node {
        guard tok.kind == .name else { throw unexpected() }
        try validateIdentifier(tok, binding: binding)
        let n = try node(.identifier, tok.text, at: tok)
        try advance()
        return n
    }

    func validateIdentifier(_ t: Token, binding: Bool) throws(SyntaxError) {
        if Self.reserved.contains(t.text) { throw fail("unexpected keyword '\(t.text)'", at: t) }
        // `await` is reserved everywhere in a module, not only in async functions.
        if t.text == "await" { throw fail("'await' is a reserved word in a module", at: t) }
        if binding && (t.text == "eval" || t.text == "arguments") { throw fail("binding '\(t.text)' in strict mode", at: t) }
    }

    /// After `.`, in object keys and import/export names, any identifier name, keywords included.
    mutating func parseIdentifierName() throws(SyntaxError) -> Node {
        guard tok.kind == .name else { throw unexpected() }
        let n = try node(.identifier, tok.text, at: tok)
        try advance()
        return n
    }

    mutating func parseStringLiteral() throws(SyntaxError) -> Node {
        guard tok.kind == .string else { throw unexpected() }
        let n = try node(.string, tok.text, at: tok)
        try advance()
        return n
    }
}
