/// Expressions: assignment, conditional, binary (precedence climbing), unary, calls and members.
extension Parser {
    static let binaryPrecedence: [String: Int] = [
        "??": 1, "||": 2, "&&": 3, "|": 4, "^": 5, "&": 6, "==": 7, "!=": 7, "===": 7, "!==": 7,
        "<": 8, ">": 8, "<=": 8, ">=": 8, "instanceof": 8, "in": 8, "<<": 9, ">>": 9, ">>>": 9,
        "+": 10, "-": 10, "*": 11, "/": 11, "%": 11, "**": 12,
    ]
    static let assignOps: Set<String> = ["=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=", "|=", "^=", "&&=", "||=", "??="]

    mutating func parseExpression(noIn: Bool = false) throws(SyntaxError) -> Node {
        let first = try parseAssign(noIn: noIn)
        guard tok.isPunct(",") else { return first }
        var items = [first]
        while try eat(",") { items.append(try parseAssign(noIn: noIn)) }
        return try node(.sequence, from: first, items)
    }

    mutating func parseAssign(noIn: Bool = false) throws(SyntaxError) -> Node {
        try enter()
        defer { leave() }
        if tok.isName("yield") && inGenerator {
            let start = tok
            try advance()
            var kids: [Node] = []
            var delegate = ""
            if !tok.newlineBefore {
                if try eat("*") { delegate = "*"; kids.append(try parseAssign(noIn: noIn)) }
                else if !(tok.kind == .punct && [")", "]", "}", ",", ";", ":"].contains(tok.text)) && tok.kind != .eof {
                    kids.append(try parseAssign(noIn: noIn))
                }
            }
            return try node(.yield, delegate, at: start, kids)
        }
        let start = tok
        let left = try parseConditional(noIn: noIn)
        if tok.isPunct("=>") {
            return try parseArrow(left, start: start, noIn: noIn)
        }
        guard tok.kind == .punct, Self.assignOps.contains(tok.text) else { return left }
        let op = tok.text
        let target: Node
        if op == "=" {
            target = try toPattern(left, binding: false)
        } else {
            guard isSimpleTarget(left) else { throw fail("invalid left-hand side in assignment expression", at: start) }
            target = left
        }
        try advance()
        let right = try parseAssign(noIn: noIn)
        return try node(.assign, op, from: left, [target, right])
    }

    func isSimpleTarget(_ n: Node) -> Bool {
        switch n.kind {
        case .identifier: return n.text != "eval" && n.text != "arguments"
        case .member, .computedMember: return !Self.continuesOptionalChain(n)
        case .paren where n.text.isEmpty: return n.children.count == 1 && isSimpleTarget(n.children[0])
        default: return false
        }
    }

    /// `a?.b.c` is one optional chain to its end, and no part of one can be assigned to;
    /// parentheses end a chain (`(a?.b).c = 1` is fine).
    static func continuesOptionalChain(_ n: Node) -> Bool {
        var node = n
        while true {
            switch node.kind {
            case .optionalMember, .optionalComputed, .optionalCall: return true
            case .member, .computedMember, .call, .taggedTemplate:
                guard let object = node.children.first else { return false }
                node = object
            default: return false
            }
        }
    }

    mutating func parseArrow(_ left: Node, start: Token, noIn: Bool) throws(SyntaxError) -> Node {
        if tok.newlineBefore { throw fail("no line break is allowed before '=>'") }
        var params: [Node]
        var isAsync = false
        switch left.kind {
        case .identifier where start.kind == .name && left.offset == start.start:
            params = [try toPattern(left, binding: true)]
        case .paren where left.text == "arrow":
            params = []
            for p in left.children { params.append(try toPattern(p, binding: true)) }
        case .call where left.text == "async" && left.children.first?.text == "async":
            isAsync = true
            params = []
            for p in left.children.dropFirst() { params.append(try toPattern(p, binding: true)) }
        case .arrow where left.text == "async-param":
            isAsync = true
            params = left.children
        default:
            throw fail("unexpected token '=>'")
        }
        try checkDuplicateParams(params)
        for p in params {
            for name in boundNames(p) where name == "await" && isAsync { throw fail("'await' is not a valid parameter name in an async function", at: start) }
        }
        try advance()
        let saved = enterFunction(isAsync: isAsync, isGenerator: false, superCall: nil, superProperty: nil)
        defer { restoreFunction(saved) }
        let body = tok.isPunct("{") ? try parseBlock() : try parseAssign(noIn: noIn)
        return try node(.arrow, isAsync ? "async" : "", from: left, params + [body])
    }

    mutating func parseConditional(noIn: Bool) throws(SyntaxError) -> Node {
        let test = try parseBinary(minPrecedence: 0, noIn: noIn)
        guard tok.isPunct("?") else { return test }
        try advance()
        let yes = try parseAssign()
        try expect(":")
        let no = try parseAssign(noIn: noIn)
        return try node(.conditional, from: test, [test, yes, no])
    }

    func currentBinaryOp(noIn: Bool) -> (String, Int)? {
        if tok.kind == .punct, let p = Self.binaryPrecedence[tok.text] { return (tok.text, p) }
        if tok.kind == .name && !tok.escaped && (tok.text == "instanceof" || (tok.text == "in" && !noIn)) { return (tok.text, 8) }
        return nil
    }

    mutating func parseBinary(minPrecedence: Int, noIn: Bool) throws(SyntaxError) -> Node {
        let unaryStart = tok
        var left = try parseUnary()
        // `-a ** b` is ambiguous, so the language forbids it.
        if unaryStart.kind == .punct && tok.isPunct("**") && (left.kind == .unary || left.kind == .await) {
            throw fail("illegal expression: wrap the left-hand side of '**' in parentheses")
        }
        while let (op, prec) = currentBinaryOp(noIn: noIn), prec > minPrecedence {
            let opToken = tok
            try advance()
            let right = try parseBinary(minPrecedence: op == "**" ? prec - 1 : prec, noIn: noIn)
            let isLogical = op == "||" || op == "&&" || op == "??"
            if isLogical {
                let mixes = { (n: Node) -> Bool in
                    n.kind == .logical && ((op == "??") != (n.text == "??"))
                }
                if mixes(left) || mixes(right) {
                    throw fail("'??' cannot be mixed with '||' or '&&' without parentheses", at: opToken)
                }
            }
            left = try node(isLogical ? .logical : .binary, op, from: left, [left, right])
        }
        return left
    }

    mutating func parseUnary() throws(SyntaxError) -> Node {
        try enter()
        defer { leave() }
        let start = tok
        if tok.kind == .punct && ["!", "~", "+", "-", "++", "--"].contains(tok.text)
            || tok.kind == .name && !tok.escaped && ["typeof", "void", "delete"].contains(tok.text) {
            let op = tok.text
            try advance()
            let arg = try parseUnary()
            if op == "++" || op == "--" {
                guard isSimpleTarget(arg) else { throw fail("invalid left-hand side in prefix operation", at: start) }
                return try node(.update, op, at: start, [arg])
            }
            if op == "delete" && arg.kind == .identifier { throw fail("deleting local variable in strict mode", at: start) }
            return try node(.unary, op, at: start, [arg])
        }
        if tok.isName("await") && (inAsync || !inFunction) {
            try advance()
            return try node(.await, at: start, [try parseUnary()])
        }
        let expr = try parseSubscripts(try parsePrimary(), noCalls: false)
        if (tok.isPunct("++") || tok.isPunct("--")) && !tok.newlineBefore {
            guard isSimpleTarget(expr) else { throw fail("invalid left-hand side in postfix operation", at: start) }
            let op = tok.text
            try advance()
            return try node(.update, op + "postfix", from: expr, [expr])
        }
        return expr
    }

    mutating func parseArguments() throws(SyntaxError) -> [Node] {
        try expect("(")
        var args: [Node] = []
        while !tok.isPunct(")") {
            if tok.isPunct("...") {
                let s = tok
                try advance()
                args.append(try node(.spread, at: s, [try parseAssign()]))
            } else {
                args.append(try parseAssign())
            }
            if !tok.isPunct(")") { try expect(",") }
        }
        try advance()
        return args
    }

    mutating func parseSubscripts(_ base: Node, noCalls: Bool) throws(SyntaxError) -> Node {
        var expr = base
        var inOptionalChain = false
        while true {
            let t = tok
            if tok.isPunct(".") {
                try advance()
                if tok.kind == .privateName {
                    let p = try node(.privateName, tok.text, at: tok)
                    try advance()
                    expr = try node(.member, from: expr, [expr, p])
                } else {
                    expr = try node(.member, from: expr, [expr, try parseIdentifierName()])
                }
            } else if tok.isPunct("?.") {
                if noCalls { throw fail("constructors in/after an optional chain are not allowed") }
                inOptionalChain = true
                try advance()
                if tok.isPunct("(") {
                    expr = try node(.optionalCall, from: expr, [expr] + (try parseArguments()))
                } else if try eat("[") {
                    let prop = try parseExpression()
                    try expect("]")
                    expr = try node(.optionalComputed, from: expr, [expr, prop])
                } else {
                    expr = try node(.optionalMember, from: expr, [expr, try parseIdentifierName()])
                }
            } else if tok.isPunct("[") {
                try advance()
                let prop = try parseExpression()
                try expect("]")
                expr = try node(.computedMember, from: expr, [expr, prop])
            } else if tok.isPunct("(") && !noCalls {
                let isAsyncCall = expr.kind == .identifier && expr.text == "async" && !t.newlineBefore
                let args = try parseArguments()
                expr = try node(.call, isAsyncCall && expr.offset == base.offset && base.kind == .identifier ? "async" : "", from: expr, [expr] + args)
            } else if tok.kind == .template {
                if inOptionalChain { throw fail("tagged template expressions are not permitted in an optional chain") }
                let quasi = try parseTemplate()
                expr = try node(.taggedTemplate, from: expr, [expr, quasi])
            } else {
                return expr
            }
        }
    }
}
