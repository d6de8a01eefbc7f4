/// Statements and declarations.
extension Parser {
    mutating func parseStatement(topLevel: Bool = false, allowDeclaration: Bool = true) throws(SyntaxError) -> Node {
        try enter()
        defer { leave() }
        let start = tok
        if tok.kind == .punct {
            switch tok.text {
            case "{": return try parseBlock()
            case ";": try advance(); return try node(.empty, at: start)
            default: break
            }
        }
        if tok.kind == .name && !tok.escaped {
            switch tok.text {
            case "var", "let", "const":
                if !allowDeclaration && tok.text != "var" { throw fail("lexical declaration cannot appear in a single-statement context") }
                let decl = try parseVarDeclaration(noIn: false)
                try semicolon()
                return decl
            case "function":
                if !allowDeclaration { throw fail("function declarations are not allowed in a single-statement context") }
                return try parseFunction(statement: true, isAsync: false, start: start)
            case "async":
                let next = try peek()
                if next.isName("function") && !next.newlineBefore {
                    if !allowDeclaration { throw fail("async functions can only be declared at the top level or inside a block") }
                    try advance()
                    return try parseFunction(statement: true, isAsync: true, start: start)
                }
            case "class":
                if !allowDeclaration { throw unexpected() }
                return try parseClass(statement: true)
            case "if": return try parseIf()
            case "for": return try parseFor()
            case "while":
                try advance()
                let test = try parseParenExpression()
                let body = try parseLoopBody()
                return try node(.whileStatement, at: start, [test, body])
            case "do":
                try advance()
                let body = try parseLoopBody()
                guard try eatName("while") else { throw fail("expected 'while'") }
                let test = try parseParenExpression()
                _ = try eat(";")
                return try node(.doWhile, at: start, [body, test])
            case "return":
                if !inFunction { throw fail("'return' outside of function") }
                try advance()
                var kids: [Node] = []
                if !tok.isPunct(";") && !tok.isPunct("}") && tok.kind != .eof && !tok.newlineBefore {
                    kids.append(try parseExpression())
                }
                try semicolon()
                return try node(.returnStatement, at: start, kids)
            case "break", "continue":
                let isBreak = tok.text == "break"
                try advance()
                var kids: [Node] = []
                if tok.kind == .name && !tok.newlineBefore && !Self.reserved.contains(tok.text) {
                    if !labels.contains(tok.text) { throw fail("unknown label '\(tok.text)'") }
                    kids.append(try parseIdentifierName())
                } else if isBreak ? (loopDepth == 0 && switchDepth == 0) : loopDepth == 0 {
                    throw fail("unsyntactic \(isBreak ? "break" : "continue")", at: start)
                }
                try semicolon()
                return try node(isBreak ? .breakStatement : .continueStatement, at: start, kids)
            case "throw":
                try advance()
                if tok.newlineBefore { throw fail("illegal newline after throw") }
                let arg = try parseExpression()
                try semicolon()
                return try node(.throwStatement, at: start, [arg])
            case "try": return try parseTry()
            case "switch": return try parseSwitch()
            case "debugger":
                try advance()
                try semicolon()
                return try node(.debugger, at: start)
            case "with": throw fail("'with' in strict mode")
            case "import":
                let next = try peek()
                if !next.isPunct("(") && !next.isPunct(".") {
                    if !topLevel { throw fail("'import' and 'export' may only appear at the top level") }
                    return try parseImport()
                }
            case "export":
                if !topLevel { throw fail("'import' and 'export' may only appear at the top level") }
                return try parseExport()
            default: break
            }
        }
        let expr = try parseExpression()
        if expr.kind == .identifier && tok.isPunct(":") && start.kind == .name {
            try advance()
            if labels.contains(expr.text) { throw fail("label '\(expr.text)' is already declared", at: start) }
            labels.append(expr.text)
            defer { labels.removeLast() }
            let body = try parseStatement(allowDeclaration: false)
            return try node(.labeled, expr.text, at: start, [body])
        }
        try semicolon()
        return try node(.expressionStatement, at: start, [expr])
    }

    /// `{ ... }`: a block statement, a function's body, or a class's static block.
    mutating func parseBlock() throws(SyntaxError) -> Node {
        let start = tok
        try expect("{")
        var body: [Node] = []
        while !tok.isPunct("}") {
            if tok.kind == .eof { throw fail("unexpected end of input, expected '}'") }
            body.append(try parseStatement())
        }
        try advance()
        return try node(.block, at: start, body)
    }

    mutating func parseParenExpression() throws(SyntaxError) -> Node {
        try expect("(")
        let e = try parseExpression()
        try expect(")")
        return e
    }

    mutating func parseLoopBody() throws(SyntaxError) -> Node {
        loopDepth += 1
        defer { loopDepth -= 1 }
        return try parseStatement(allowDeclaration: false)
    }

    mutating func parseIf() throws(SyntaxError) -> Node {
        let start = tok
        try advance()
        var kids = [try parseParenExpression(), try parseStatement(allowDeclaration: false)]
        if try eatName("else") { kids.append(try parseStatement(allowDeclaration: false)) }
        return try node(.ifStatement, at: start, kids)
    }

    mutating func parseVarDeclaration(noIn: Bool, inFor: Bool = false) throws(SyntaxError) -> Node {
        let start = tok
        let kind = tok.text
        try advance()
        var decls: [Node] = []
        repeat {
            let dstart = tok
            let target = try parseBindingTarget()
            var kids = [target]
            if try eat("=") {
                kids.append(try parseAssign(noIn: noIn))
            } else if !inFor || !(tok.isName("of") || tok.isName("in")) {
                if kind == "const" { throw fail("missing initializer in const declaration") }
                if target.kind != .identifier { throw fail("missing initializer in destructuring declaration") }
            }
            decls.append(try node(.declarator, at: dstart, kids))
        } while try eat(",")
        return try node(.varDecl, kind, at: start, decls)
    }

    mutating func parseFor() throws(SyntaxError) -> Node {
        let start = tok
        try advance()
        var isAwait = false
        if tok.isName("await") {
            if !inAsync && inFunction { throw fail("'for await' is only valid in async functions") }
            isAwait = true
            try advance()
        }
        try expect("(")
        var initNode: Node?
        if tok.isPunct(";") {
            if isAwait { throw unexpected() }
        } else if tok.isName("var") || tok.isName("let") || tok.isName("const") {
            let decl = try parseVarDeclaration(noIn: true, inFor: true)
            if tok.isName("of") || tok.isName("in") {
                let isOf = tok.text == "of"
                if decl.children.count != 1 { throw fail("only one variable declaration allowed in for-\(tok.text)") }
                // Sloppy scripts allow `for (var i = 0 in o)`; modules are strict and do not.
                if decl.children[0].children.count > 1 {
                    throw fail("for-\(tok.text) loop variable declaration may not have an initializer")
                }
                return try parseForInOf(start: start, left: decl, isOf: isOf)
            }
            initNode = decl
        } else {
            let startsWithLet = tok.isName("async")
            let expr = try parseExpression(noIn: true)
            if tok.isName("of") || tok.isName("in") {
                if startsWithLet && tok.text == "of" && expr.kind == .identifier { throw fail("the left-hand side of a for-of loop may not be 'async'") }
                let isOf = tok.text == "of"
                if expr.kind == .assign { throw invalidTarget(expr, "invalid left-hand side in for-\(tok.text) loop") }
                return try parseForInOf(start: start, left: try toPattern(expr, binding: false), isOf: isOf)
            }
            initNode = expr
        }
        if isAwait { throw fail("expected 'of' after 'for await'") }
        try expect(";")
        let test = tok.isPunct(";") ? nil : try parseExpression()
        try expect(";")
        let update = tok.isPunct(")") ? nil : try parseExpression()
        try expect(")")
        let body = try parseLoopBody()
        let empty = try node(.empty, at: start)
        return try node(.forStatement, at: start, [initNode ?? empty, test ?? empty, update ?? empty, body])
    }

    mutating func parseForInOf(start: Token, left: Node, isOf: Bool) throws(SyntaxError) -> Node {
        try advance()
        let right = isOf ? try parseAssign() : try parseExpression()
        try expect(")")
        let body = try parseLoopBody()
        return try node(isOf ? .forOf : .forIn, at: start, [left, right, body])
    }

    mutating func parseTry() throws(SyntaxError) -> Node {
        let start = tok
        try advance()
        var kids = [try parseBlock()]
        if tok.isName("catch") {
            let cstart = tok
            try advance()
            var ckids: [Node] = []
            if try eat("(") {
                ckids.append(try parseBindingTarget())
                try expect(")")
            }
            ckids.append(try parseBlock())
            kids.append(try node(.catchClause, at: cstart, ckids))
        }
        if try eatName("finally") { kids.append(try parseBlock()) }
        if kids.count == 1 { throw fail("missing catch or finally clause") }
        return try node(.tryStatement, at: start, kids)
    }

    mutating func parseSwitch() throws(SyntaxError) -> Node {
        let start = tok
        try advance()
        var kids = [try parseParenExpression()]
        try expect("{")
        switchDepth += 1
        defer { switchDepth -= 1 }
        var sawDefault = false
        while !tok.isPunct("}") {
            let cstart = tok
            var ckids: [Node] = []
            if try eatName("case") {
                ckids.append(try parseExpression())
            } else if tok.isName("default") {
                if sawDefault { throw fail("multiple default clauses") }
                sawDefault = true
                try advance()
            } else {
                throw unexpected()
            }
            try expect(":")
            while !tok.isPunct("}") && !tok.isName("case") && !tok.isName("default") {
                if tok.kind == .eof { throw fail("unexpected end of input, expected '}'") }
                ckids.append(try parseStatement())
            }
            kids.append(try node(.switchCase, at: cstart, ckids))
        }
        try advance()
        return try node(.switchStatement, at: start, kids)
    }
}
