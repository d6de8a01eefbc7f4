/// `import` and `export` declarations.
extension Parser {
    mutating func parseModuleSource() throws(SyntaxError) -> Node {
        guard try eatName("from") else { throw fail("expected 'from'") }
        let source = try parseStringLiteral()
        try skipImportAttributes()
        return source
    }

    /// `assert { type: "json" }` / `with { ... }` after a module source.
    mutating func skipImportAttributes() throws(SyntaxError) {
        guard (tok.isName("assert") && !tok.newlineBefore) else { return }
        try advance()
        _ = try parseObjectLiteral()
    }

    /// A name in an import/export list: an identifier name or a string.
    mutating func parseModuleExportName() throws(SyntaxError) -> Node {
        tok.kind == .string ? try parseStringLiteral() : try parseIdentifierName()
    }

    mutating func parseImport() throws(SyntaxError) -> Node {
        let start = tok
        try advance()
        if tok.kind == .string {
            let source = try parseStringLiteral()
            try skipImportAttributes()
            try semicolon()
            return try node(.importDecl, source.text, at: start, [])
        }
        var specs: [Node] = []
        if tok.kind == .name {
            let local = try parseIdentifier(binding: true)
            specs.append(try node(.importDefault, local.text, from: local, [local]))
            if !(try eat(",")) {
                let source = try parseModuleSource()
                try semicolon()
                return try node(.importDecl, source.text, at: start, specs)
            }
        }
        if tok.isPunct("*") {
            let s = tok
            try advance()
            guard try eatName("as") else { throw fail("expected 'as'") }
            let local = try parseIdentifier(binding: true)
            specs.append(try node(.importNamespace, local.text, at: s, [local]))
        } else if try eat("{") {
            while !tok.isPunct("}") {
                let s = tok
                let imported = try parseModuleExportName()
                var local = imported
                if try eatName("as") {
                    local = try parseIdentifier(binding: true)
                } else if imported.kind == .string || Self.reserved.contains(imported.text) {
                    throw fail("a string or keyword import must be renamed with 'as'", at: s)
                } else if imported.text == "eval" || imported.text == "arguments" {
                    throw fail("binding '\(imported.text)' in strict mode", at: s)
                }
                specs.append(try node(.importSpecifier, imported.text, at: s, [local]))
                if !(try eat(",")) { break }
            }
            try expect("}")
        } else {
            throw unexpected()
        }
        let source = try parseModuleSource()
        try semicolon()
        return try node(.importDecl, source.text, at: start, specs)
    }

    mutating func addExport(_ name: String, at t: Token) throws(SyntaxError) {
        if !exportedNames.insert(name).inserted {
            throw fail(name == "default" ? "only one default export allowed per module" : "duplicate export of '\(name)'", at: t)
        }
    }

    mutating func parseExport() throws(SyntaxError) -> Node {
        let start = tok
        try advance()
        if tok.isName("default") {
            try addExport("default", at: tok)
            try advance()
            let dstart = tok
            var value: Node
            if tok.isName("function") {
                value = try parseFunction(statement: true, isAsync: false, start: dstart, nameOptional: true)
            } else if tok.isName("async"), (try peek()).isName("function") {
                try advance()
                value = try parseFunction(statement: true, isAsync: true, start: dstart, nameOptional: true)
            } else if tok.isName("class") {
                value = try parseClass(statement: true, nameOptional: true)
            } else {
                value = try parseAssign()
                try semicolon()
            }
            return try node(.exportDefault, at: start, [value])
        }
        if tok.isPunct("*") {
            try advance()
            if try eatName("as") {
                let t = tok
                let name = try parseModuleExportName()
                try addExport(name.text, at: t)
            }
            let source = try parseModuleSource()
            try semicolon()
            return try node(.exportAll, source.text, at: start, [])
        }
        if tok.isPunct("{") {
            try advance()
            var specs: [Node] = []
            var localTokens: [Token] = []
            while !tok.isPunct("}") {
                let s = tok
                let local = try parseModuleExportName()
                var exported = local
                if try eatName("as") { exported = try parseModuleExportName() }
                try addExport(exported.text, at: s)
                localTokens.append(s)
                specs.append(try node(.exportSpecifier, exported.text, at: s, [local]))
                if !(try eat(",")) { break }
            }
            try expect("}")
            if tok.isName("from") {
                let source = try parseModuleSource()
                try semicolon()
                return try node(.exportNamed, source.text, at: start, specs)
            }
            for t in localTokens where t.kind == .string || Self.reserved.contains(t.text) {
                throw fail("a string or keyword cannot be exported without 'from'", at: t)
            }
            try semicolon()
            return try node(.exportNamed, at: start, specs)
        }
        let dstart = tok
        let decl: Node
        if tok.isName("var") || tok.isName("let") || tok.isName("const") {
            decl = try parseVarDeclaration(noIn: false)
            try semicolon()
            for d in decl.children {
                for name in boundNames(d.children[0]) { try addExport(name, at: dstart) }
            }
        } else if tok.isName("function") {
            decl = try parseFunction(statement: true, isAsync: false, start: dstart)
            try addExport(decl.text, at: dstart)
        } else if tok.isName("async"), (try peek()).isName("function") {
            try advance()
            decl = try parseFunction(statement: true, isAsync: true, start: dstart)
            try addExport(decl.text, at: dstart)
        } else if tok.isName("class") {
            decl = try parseClass(statement: true)
            try addExport(decl.text, at: dstart)
        } else {
            throw unexpected()
        }
        return try node(.exportNamed, at: start, [decl])
    }

    /// Names a binding pattern introduces (`const {a, b: [c]} = x` -> a, c).
    func boundNames(_ pattern: Node) -> [String] {
        var names: [String] = []
        var stack = [pattern]
        while let n = stack.popLast() {
            switch n.kind {
            case .identifier: names.append(n.text)
            case .property: if let v = n.children.last { stack.append(v) }
            case .assignPattern: if let t = n.children.first { stack.append(t) }
            default: stack.append(contentsOf: n.children)
            }
        }
        return names
    }
}
