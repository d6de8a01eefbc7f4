/// The declaration rules Babel enforces after parsing: no `let`/`const`/`class`/import name declared
/// twice in a scope or clashing with a `var` or parameter, and every `export { name }` declared.
struct ScopeChecker {
    private struct Scope {
        enum Kind { case module, function, block, catchClause }
        var kind: Kind
        var lexical: Set<String> = []
        var functions: Set<String> = []
        var vars: Set<String> = []
        var catchParam: String?
    }

    let lexer: Lexer
    private var scopes: [Scope] = []

    init(lexer: Lexer) { self.lexer = lexer }

    mutating func check(_ program: Node) throws(SyntaxError) {
        scopes = [Scope(kind: .module)]
        for child in program.children { try visit(child) }
        // `export { a }` must name something declared at the top level.
        let top = scopes[0]
        for statement in program.children where statement.kind == .exportNamed && statement.text.isEmpty {
            for spec in statement.children where spec.kind == .exportSpecifier {
                guard let local = spec.children.first, local.kind == .identifier else { continue }
                if !top.lexical.contains(local.text) && !top.vars.contains(local.text) && !top.functions.contains(local.text) {
                    throw error("export '\(local.text)' is not defined", at: local)
                }
            }
        }
    }

    func error(_ reason: String, at n: Node) -> SyntaxError {
        SyntaxError(line: n.line, column: lexer.column(ofOffset: n.offset), reason: reason)
    }

    /// Identifier nodes a pattern binds, for positions in messages.
    static func boundIdentifiers(_ pattern: Node) -> [Node] {
        var out: [Node] = []
        var stack = [pattern]
        while let n = stack.popLast() {
            switch n.kind {
            case .identifier: out.append(n)
            case .property: if let v = n.children.last { stack.append(v) }
            case .assignPattern: if let t = n.children.first { stack.append(t) }
            case .arrayPattern, .objectPattern, .rest: stack.append(contentsOf: n.children)
            default: break
            }
        }
        return out
    }

    private mutating func declareLexical(_ id: Node) throws(SyntaxError) {
        let i = scopes.count - 1
        let s = scopes[i]
        if s.lexical.contains(id.text) || s.functions.contains(id.text) || s.vars.contains(id.text) {
            throw error("identifier '\(id.text)' has already been declared", at: id)
        }
        scopes[i].lexical.insert(id.text)
    }

    /// Function declarations are var-like directly in a function body, lexical elsewhere (module, blocks).
    private mutating func declareFunction(_ id: Node) throws(SyntaxError) {
        let i = scopes.count - 1
        guard scopes[i].kind == .function else { return try declareLexical(id) }
        if scopes[i].lexical.contains(id.text) { throw error("identifier '\(id.text)' has already been declared", at: id) }
        scopes[i].functions.insert(id.text)
    }

    private mutating func declareVar(_ id: Node) throws(SyntaxError) {
        var i = scopes.count - 1
        while i >= 0 {
            let s = scopes[i]
            let clashes = (s.lexical.contains(id.text) && s.catchParam != id.text)
                || (s.kind != .function && s.functions.contains(id.text))
            if clashes { throw error("identifier '\(id.text)' has already been declared", at: id) }
            scopes[i].vars.insert(id.text)
            if s.kind == .function || s.kind == .module { return }
            i -= 1
        }
    }

    private mutating func visitChildren(_ n: Node) throws(SyntaxError) {
        for child in n.children { try visit(child) }
    }

    private mutating func inScope(_ kind: Scope.Kind, _ body: (inout ScopeChecker) throws(SyntaxError) -> Void) throws(SyntaxError) {
        scopes.append(Scope(kind: kind))
        defer { scopes.removeLast() }
        try body(&self)
    }

    private mutating func visitFunction(_ n: Node) throws(SyntaxError) {
        try inScope(.function) { (c: inout ScopeChecker) throws(SyntaxError) in
            let params = n.children.dropLast()
            for p in params {
                for id in Self.boundIdentifiers(p) { c.scopes[c.scopes.count - 1].vars.insert(id.text) }
            }
            for p in params { try c.visit(p) }
            guard let body = n.children.last else { return }
            if body.kind == .block { try c.visitChildren(body) } else { try c.visit(body) }
        }
    }

    mutating func visit(_ n: Node) throws(SyntaxError) {
        switch n.kind {
        case .varDecl:
            for d in n.children {
                guard let target = d.children.first else { continue }
                for id in Self.boundIdentifiers(target) {
                    if n.text == "var" { try declareVar(id) } else { try declareLexical(id) }
                }
                try visitChildren(d)
            }
        case .functionDecl:
            if !n.text.isEmpty, let id = firstIdentifier(named: n.text, at: n) { try declareFunction(id) }
            try visitFunction(n)
        case .function, .arrow:
            try visitFunction(n)
        case .method:
            if let fn = n.children.last { try visitFunction(fn) }
            if let key = n.children.first { try visit(key) }
        case .classDecl:
            if !n.text.isEmpty, let id = firstIdentifier(named: n.text, at: n) { try declareLexical(id) }
            try visitChildren(n)
        case .block:
            try inScope(.block) { (c: inout ScopeChecker) throws(SyntaxError) in try c.visitChildren(n) }
        case .staticBlock:
            try inScope(.function) { (c: inout ScopeChecker) throws(SyntaxError) in
                if let body = n.children.first { try c.visitChildren(body) }
            }
        case .catchClause:
            try inScope(.catchClause) { (c: inout ScopeChecker) throws(SyntaxError) in
                if n.children.count == 2 {
                    let param = n.children[0]
                    for id in Self.boundIdentifiers(param) { try c.declareLexical(id) }
                    if param.kind == .identifier { c.scopes[c.scopes.count - 1].catchParam = param.text }
                    try c.visit(param)
                }
                if let body = n.children.last { try c.visitChildren(body) }
            }
        case .forStatement, .forIn, .forOf, .switchStatement:
            try inScope(.block) { (c: inout ScopeChecker) throws(SyntaxError) in try c.visitChildren(n) }
        case .importDecl:
            for spec in n.children {
                if let local = spec.children.first { try declareLexical(local) }
            }
        default:
            try visitChildren(n)
        }
    }

    /// Declarations keep their name in `text`; rebuild an identifier node at the declaration for messages.
    func firstIdentifier(named name: String, at n: Node) -> Node? {
        Node(.identifier, name, line: n.line, offset: n.offset)
    }
}
