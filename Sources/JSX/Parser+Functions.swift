/// Functions, classes, parameters and binding patterns.
extension Parser {
    struct FunctionContext {
        var inFunction: Bool, inAsync: Bool, inGenerator: Bool, loopDepth: Int, switchDepth: Int, labels: [String]
        var superCall: Bool, superProperty: Bool
    }

    /// `superCall`/`superProperty` nil means "inherit", which is what arrow functions do.
    mutating func enterFunction(isAsync: Bool, isGenerator: Bool, superCall: Bool? = false, superProperty: Bool? = false) -> FunctionContext {
        let saved = FunctionContext(inFunction: inFunction, inAsync: inAsync, inGenerator: inGenerator,
                                    loopDepth: loopDepth, switchDepth: switchDepth, labels: labels,
                                    superCall: superCallAllowed, superProperty: superPropertyAllowed)
        inFunction = true; inAsync = isAsync; inGenerator = isGenerator
        loopDepth = 0; switchDepth = 0; labels = []
        superCallAllowed = superCall ?? superCallAllowed
        superPropertyAllowed = superProperty ?? superPropertyAllowed
        return saved
    }

    mutating func restoreFunction(_ c: FunctionContext) {
        inFunction = c.inFunction; inAsync = c.inAsync; inGenerator = c.inGenerator
        loopDepth = c.loopDepth; switchDepth = c.switchDepth; labels = c.labels
        superCallAllowed = c.superCall; superPropertyAllowed = c.superProperty
    }

    /// `function name(params) { body }`; the current token is `function`.
    mutating func parseFunction(statement: Bool, isAsync: Bool, start: Token, nameOptional: Bool = false) throws(SyntaxError) -> Node {
        try advance()
        let isGenerator = try eat("*")
        var name = ""
        if tok.kind == .name && !tok.isPunct("(") {
            // A function expression's own name follows its own async/generator rules.
            let outer = (inAsync, inGenerator)
            if !statement { inAsync = isAsync; inGenerator = isGenerator }
            let id = try parseIdentifier(binding: true)
            (inAsync, inGenerator) = outer
            name = id.text
        } else if statement && !nameOptional {
            throw fail("function name is required")
        }
        let saved = enterFunction(isAsync: isAsync, isGenerator: isGenerator)
        defer { restoreFunction(saved) }
        let params = try parseParams()
        let body = try parseBlock()
        return try node(statement ? .functionDecl : .function, name, at: start, params + [body])
    }

    mutating func parseParams() throws(SyntaxError) -> [Node] {
        try expect("(")
        var params: [Node] = []
        while !tok.isPunct(")") {
            if tok.isPunct("...") {
                let s = tok
                try advance()
                let target = try parseBindingTarget()
                if tok.isPunct("=") { throw fail("rest parameter cannot have a default value") }
                params.append(try node(.rest, at: s, [target]))
                if !tok.isPunct(")") { throw fail("rest element must be last element") }
                break
            }
            params.append(try parseBindingElement())
            if !(try eat(",")) { break }
        }
        try expect(")")
        try checkDuplicateParams(params)
        return params
    }

    func checkDuplicateParams(_ params: [Node]) throws(SyntaxError) {
        var seen = Set<String>()
        for p in params {
            for id in ScopeChecker.boundIdentifiers(p) where !seen.insert(id.text).inserted {
                throw invalidTarget(id, "argument name clash: '\(id.text)'")
            }
        }
    }

    /// An identifier, `[...]` or `{...}` pattern in a declaration or parameter list.
    mutating func parseBindingTarget() throws(SyntaxError) -> Node {
        try enter()
        defer { leave() }
        let start = tok
        if try eat("[") {
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
                    elems.append(try node(.rest, at: s, [try parseBindingTarget()]))
                    if !tok.isPunct("]") { throw fail("rest element must be last element") }
                    break
                }
                elems.append(try parseBindingElement())
                if !tok.isPunct("]") { try expect(",") }
            }
            try expect("]")
            return try node(.arrayPattern, at: start, elems)
        }
        if try eat("{") {
            var props: [Node] = []
            while !tok.isPunct("}") {
                let s = tok
                if try eat("...") {
                    props.append(try node(.rest, at: s, [try parseIdentifier(binding: true)]))
                    if !tok.isPunct("}") { throw fail("rest element must be last element") }
                    break
                }
                let key = try parsePropertyKey()
                var value: Node
                if try eat(":") {
                    value = try parseBindingElement()
                } else {
                    guard s.kind == .name, key.kind == .identifier else { throw unexpected() }
                    if Self.reserved.contains(key.text) || s.escaped && Self.reserved.contains(key.text) {
                        throw fail("unexpected keyword '\(key.text)'", at: s)
                    }
                    if key.text == "eval" || key.text == "arguments" { throw fail("binding '\(key.text)' in strict mode", at: s) }
                    if key.text == "await" { throw fail("'await' is a reserved word in a module", at: s) }
                    value = key
                    if try eat("=") {
                        value = try node(.assignPattern, from: key, [key, try parseAssign()])
                    }
                }
                props.append(try node(.property, at: s, [key, value]))
                if !tok.isPunct("}") { try expect(",") }
            }
            try expect("}")
            return try node(.objectPattern, at: start, props)
        }
        return try parseIdentifier(binding: true)
    }

    mutating func parseBindingElement() throws(SyntaxError) -> Node {
        let target = try parseBindingTarget()
        guard try eat("=") else { return target }
        return try node(.assignPattern, from: target, [target, try parseAssign()])
    }

    /// A property name: identifier name, string, number or `[computed]`.
    mutating func parsePropertyKey() throws(SyntaxError) -> Node {
        let start = tok
        switch tok.kind {
        case .name: return try parseIdentifierName()
        case .string: return try parseStringLiteral()
        case .number:
            try advance()
            return try node(.number, start.text, at: start)
        case .privateName:
            try advance()
            return try node(.privateName, start.text, at: start)
        case .punct where tok.text == "[":
            try advance()
            let e = try parseAssign()
            try expect("]")
            return try node(.computedMember, at: start, [e])
        default: throw unexpected()
        }
    }
}
