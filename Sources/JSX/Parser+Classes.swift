/// Class declarations and expressions, and object-literal methods (which share the member grammar).
extension Parser {
    mutating func parseClass(statement: Bool, nameOptional: Bool = false) throws(SyntaxError) -> Node {
        let start = tok
        try advance()
        var name = ""
        if tok.kind == .name && !tok.isName("extends") {
            name = try parseIdentifier(binding: true).text
        } else if statement && !nameOptional {
            throw fail("a class name is required")
        }
        var kids: [Node] = []
        let hasExtends = try eatName("extends")
        if hasExtends {
            kids.append(try parseSubscripts(try parsePrimary(), noCalls: false))
        }
        let bstart = tok
        try expect("{")
        var members: [Node] = []
        while !tok.isPunct("}") {
            if try eat(";") { continue }
            if tok.kind == .eof { throw fail("unexpected end of input, expected '}'") }
            members.append(try parseClassMember(hasExtends: hasExtends))
        }
        try advance()
        kids.append(try node(.classBody, at: bstart, members))
        return try node(statement ? .classDecl : .classExpr, name, at: start, kids)
    }

    /// `static`, `async`, `get`, `set` and `*` are modifiers only when a key follows them.
    func isModifier() throws(SyntaxError) -> Bool {
        var copy = self
        let next = try copy.peek()
        if next.kind == .eof { return false }
        if next.kind == .punct && ["(", "=", ";", "}", ",", ":"].contains(next.text) { return false }
        return true
    }

    /// The `async`, `*` or `get`/`set` before a method's key, in a class body and an object literal
    /// alike: the method's kind ("get", "set", else `plain`) and whether it is async or a generator.
    mutating func parseMethodModifiers(plain: String) throws(SyntaxError) -> (kind: String, isAsync: Bool, isGenerator: Bool) {
        var kind = plain
        var isAsync = false
        var isGenerator = false
        if tok.isName("async"), try isModifier(), !(try peek()).newlineBefore {
            try advance()
            isAsync = true
        }
        if tok.isPunct("*") { try advance(); isGenerator = true }
        if !isAsync && !isGenerator && (tok.isName("get") || tok.isName("set")), try isModifier() {
            kind = tok.text
            try advance()
        }
        return (kind, isAsync, isGenerator)
    }

    mutating func parseClassMember(hasExtends: Bool) throws(SyntaxError) -> Node {
        let start = tok
        var isStatic = false
        if tok.isName("static"), try isModifier() {
            try advance()
            isStatic = true
            if tok.isPunct("{") {
                let saved = enterFunction(isAsync: false, isGenerator: false, superProperty: true)
                defer { restoreFunction(saved) }
                let body = try parseBlock()
                return try node(.staticBlock, at: start, [body])
            }
        }
        let (kind, isAsync, isGenerator) = try parseMethodModifiers(plain: "method")
        let key = try parsePropertyKey()
        if tok.isPunct("(") {
            let isConstructor = !isStatic && kind == "method" && (key.kind == .identifier || key.kind == .string) && key.text == "constructor"
            let fn = try parseMethodFunction(at: key, isAsync: isAsync, isGenerator: isGenerator, superCall: isConstructor && hasExtends)
            return try node(.method, (isStatic ? "static " : "") + kind, at: start, [key, fn])
        }
        if isAsync || isGenerator || kind != "method" { throw fail("expected '('") }
        var kids = [key]
        if try eat("=") {
            let saved = enterFunction(isAsync: false, isGenerator: false, superProperty: true)
            defer { restoreFunction(saved) }
            kids.append(try parseAssign())
        }
        try semicolon()
        return try node(.field, isStatic ? "static" : "", at: start, kids)
    }

    mutating func parseMethodFunction(at key: Node, isAsync: Bool, isGenerator: Bool, superCall: Bool = false) throws(SyntaxError) -> Node {
        let saved = enterFunction(isAsync: isAsync, isGenerator: isGenerator, superCall: superCall, superProperty: true)
        defer { restoreFunction(saved) }
        let params = try parseParams()
        let body = try parseBlock()
        return try node(.function, from: key, params + [body])
    }
}
