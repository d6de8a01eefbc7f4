/// Primary expressions: names, literals, templates, array/object literals, parentheses and arrows.
extension Parser {
    mutating func parsePrimary() throws(SyntaxError) -> Node {
        try enter()
        defer { leave() }
        let start = tok
        switch tok.kind {
        case .eof: throw unexpected()
        case .number:
            try advance()
            return try node(start.text.hasSuffix("n") ? .bigint : .number, start.text, at: start)
        case .string:
            try advance()
            return try node(.string, start.text, at: start)
        case .template:
            return try parseTemplate()
        case .regex, .jsxText:
            throw unexpected()
        case .privateName:
            // `#x in obj`
            try advance()
            guard tok.isName("in") else { throw fail("unexpected private name", at: start) }
            return try node(.privateName, start.text, at: start)
        case .punct:
            switch tok.text {
            case "(": return try parseParenthesized()
            case "[": return try parseArrayLiteral()
            case "{": return try parseObjectLiteral()
            case "<": return try parseJSXRoot()
            case "/", "/=":
                tok = try lexer.rescanRegex(from: tok)
                let t = tok
                try advance()
                return try node(.regex, t.text, at: t)
            default: throw unexpected()
            }
        case .name:
            break
        }
        if tok.escaped { return try parseIdentifier() }
        switch tok.text {
        case "this": try advance(); return try node(.this, at: start)
        case "null": try advance(); return try node(.null, at: start)
        case "true", "false": try advance(); return try node(.boolean, start.text, at: start)
        case "function": return try parseFunction(statement: false, isAsync: false, start: start)
        case "class": return try parseClass(statement: false)
        case "new": return try parseNew()
        case "super":
            try advance()
            if tok.isPunct("(") {
                guard superCallAllowed else { throw fail("super() is only valid inside a class constructor of a subclass", at: start) }
            } else if tok.isPunct(".") || tok.isPunct("[") {
                guard superPropertyAllowed else { throw fail("'super' is only allowed in object methods and classes", at: start) }
            } else {
                throw fail("'super' can only be used with function calls or in property accesses", at: start)
            }
            return try node(.superExpr, at: start)
        case "import":
            try advance()
            if try eat(".") {
                guard tok.isName("meta") else { throw fail("the only valid meta property for import is import.meta") }
                try advance()
                return try node(.metaProperty, "import.meta", at: start)
            }
            let args = try parseArguments()
            guard args.count == 1 || args.count == 2, !args.contains(where: { $0.kind == .spread }) else {
                throw fail("import() requires exactly one or two arguments", at: start)
            }
            return try node(.importExpression, at: start, args)
        case "async":
            let next = try peek()
            if next.isName("function") && !next.newlineBefore {
                try advance()
                return try parseFunction(statement: false, isAsync: true, start: start)
            }
            if next.kind == .name && !next.newlineBefore && !next.isName("of") {
                try advance()
                let saved = (inAsync, inFunction)
                inAsync = true; inFunction = true
                let param = try parseIdentifier(binding: true)
                (inAsync, inFunction) = saved
                guard tok.isPunct("=>") else { throw fail("expected '=>'") }
                return try node(.arrow, "async-param", at: start, [param])
            }
            return try parseIdentifier()
        default:
            return try parseIdentifier()
        }
    }

    mutating func parseNew() throws(SyntaxError) -> Node {
        let start = tok
        try advance()
        if try eat(".") {
            guard tok.isName("target"), inFunction else { throw fail("the only valid meta property for new is new.target") }
            try advance()
            return try node(.metaProperty, "new.target", at: start)
        }
        let calleeBase = tok.isName("new") ? try parseNew() : try parsePrimary()
        if calleeBase.kind == .importExpression { throw fail("cannot use new with import(...)", at: start) }
        let callee = try parseSubscripts(calleeBase, noCalls: true)
        let args = tok.isPunct("(") ? try parseArguments() : []
        return try node(.newExpr, at: start, [callee] + args)
    }

    /// A template literal; the current token is its first chunk.
    mutating func parseTemplate() throws(SyntaxError) -> Node {
        let start = tok
        var parts: [Node] = [try node(.templateElement, tok.text, at: tok)]
        while !tok.templateTail {
            try advance()
            parts.append(try parseExpression())
            guard tok.isPunct("}") else { throw fail("expected '}' to close the template expression") }
            tok = try lexer.rescanTemplate(from: tok)
            parts.append(try node(.templateElement, tok.text, at: tok))
        }
        try advance()
        return try node(.template, at: start, parts)
    }

    mutating func parseArrayLiteral() throws(SyntaxError) -> Node {
        let start = tok
        try advance()
        var elems: [Node] = []
        while !tok.isPunct("]") {
            if tok.isPunct(",") {
                elems.append(try node(.hole, at: tok))
                try advance()
                continue
            }
            if tok.isPunct("...") {
                let s = tok
                try advance()
                elems.append(try node(.spread, at: s, [try parseAssign()]))
            } else {
                elems.append(try parseAssign())
            }
            if !tok.isPunct("]") {
                try expect(",")
                if tok.isPunct("]"), elems.last?.kind == .spread {
                    // A trailing comma after a spread rules the literal out as a rest pattern.
                    elems.append(try node(.hole, "trailing", at: tok))
                }
            }
        }
        try advance()
        return try node(.array, at: start, elems)
    }

    mutating func parseObjectLiteral() throws(SyntaxError) -> Node {
        let start = tok
        try expect("{")
        var props: [Node] = []
        while !tok.isPunct("}") {
            props.append(try parseObjectMember())
            if !tok.isPunct("}") { try expect(",") }
        }
        try advance()
        return try node(.object, at: start, props)
    }

    mutating func parseObjectMember() throws(SyntaxError) -> Node {
        let start = tok
        if try eat("...") { return try node(.spread, at: start, [try parseAssign()]) }
        let (kind, isAsync, isGenerator) = try parseMethodModifiers(plain: "init")
        let keyToken = tok
        if tok.kind == .privateName { throw unexpected() }
        let key = try parsePropertyKey()
        if tok.isPunct("(") {
            let fn = try parseMethodFunction(at: key, isAsync: isAsync, isGenerator: isGenerator)
            return try node(.method, kind, at: start, [key, fn])
        }
        if isAsync || isGenerator || kind != "init" { throw fail("expected '('") }
        if try eat(":") {
            return try node(.property, at: start, [key, try parseAssign()])
        }
        // Shorthand `{a}` or, only valid as a pattern, `{a = 1}`.
        guard keyToken.kind == .name, key.kind == .identifier else { throw unexpected() }
        try validateIdentifier(keyToken, binding: false)
        let ident = key
        if tok.isPunct("=") {
            pendingCoverInits[keyToken.start] = tok
            try advance()
            let value = try parseAssign()
            return try node(.property, "shorthand", at: start, [key, try node(.coverInit, from: ident, [ident, value])])
        }
        return try node(.property, "shorthand", at: start, [key, ident])
    }

    /// `( ... )`: a parenthesised expression, or the parameter list of an arrow function.
    mutating func parseParenthesized() throws(SyntaxError) -> Node {
        let start = tok
        try advance()
        var items: [Node] = []
        var restToken: Token?
        var trailingComma: Token?
        while !tok.isPunct(")") {
            if tok.isPunct("...") {
                restToken = tok
                try advance()
                items.append(try node(.rest, at: restToken ?? start, [try parseBindingTarget()]))
                if !tok.isPunct(")") { throw fail("rest element must be last element") }
                break
            }
            items.append(try parseAssign())
            if tok.isPunct(",") {
                let comma = tok
                try advance()
                if tok.isPunct(")") { trailingComma = comma }
            } else if !tok.isPunct(")") {
                throw fail("expected ',' or ')'")
            }
        }
        let close = tok
        try advance()
        if tok.isPunct("=>") {
            return try node(.paren, "arrow", at: start, items)
        }
        if items.isEmpty { throw fail("unexpected token ')'", at: close) }
        if let restToken { throw fail("unexpected token '...'", at: restToken) }
        if let trailingComma { throw fail("unexpected trailing comma", at: trailingComma) }
        let inner = items.count == 1 ? items[0] : try node(.sequence, from: items[0], items)
        return try node(.paren, at: start, [inner])
    }
}
