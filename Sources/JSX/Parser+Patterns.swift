/// Turning an expression that turned out to be an assignment target or arrow parameter into a pattern.
extension Parser {
    /// `binding` is true for arrow parameters, where member expressions and parentheses are not allowed.
    mutating func toPattern(_ n: Node, binding: Bool) throws(SyntaxError) -> Node {
        try enter()
        defer { leave() }
        switch n.kind {
        case .identifier:
            if n.text == "eval" || n.text == "arguments" { throw invalidTarget(n, "binding '\(n.text)' in strict mode") }
            return n
        case .member, .computedMember:
            if binding { throw invalidTarget(n, "binding member expression") }
            if Self.continuesOptionalChain(n) { throw invalidTarget(n, "invalid left-hand side in assignment expression") }
            return n
        case .paren where n.text.isEmpty && !binding:
            guard n.children.count == 1, [.identifier, .member, .computedMember, .paren].contains(n.children[0].kind) else {
                throw invalidTarget(n, "invalid parenthesized assignment pattern")
            }
            return n
        case .array:
            var elems: [Node] = []
            for (i, e) in n.children.enumerated() {
                if e.kind == .spread {
                    if i != n.children.count - 1 { throw invalidTarget(e, "rest element must be last element") }
                    let target = e.children[0]
                    if target.kind == .assign { throw invalidTarget(target, "rest elements cannot have a default value") }
                    elems.append(try node(.rest, from: e, [try toPattern(target, binding: binding)]))
                } else if e.kind == .hole {
                    if e.text == "trailing" { throw invalidTarget(e, "unexpected trailing comma after rest element") }
                    elems.append(e)
                } else {
                    elems.append(try toPattern(e, binding: binding))
                }
            }
            return try node(.arrayPattern, from: n, elems)
        case .object:
            var props: [Node] = []
            for (i, p) in n.children.enumerated() {
                switch p.kind {
                case .spread:
                    if i != n.children.count - 1 { throw invalidTarget(p, "rest element must be last element") }
                    let target = p.children[0]
                    guard target.kind == .identifier || (!binding && [.member, .computedMember].contains(target.kind)) else {
                        throw invalidTarget(target, "invalid rest element")
                    }
                    props.append(try node(.rest, from: p, [try toPattern(target, binding: binding)]))
                case .property:
                    let value = p.children[1]
                    props.append(try node(.property, p.text, from: p, [p.children[0], try toPattern(value, binding: binding)]))
                default:
                    throw invalidTarget(p, "object pattern cannot contain methods")
                }
            }
            return try node(.objectPattern, from: n, props)
        case .coverInit:
            pendingCoverInits[n.offset] = nil
            let target = try toPattern(n.children[0], binding: binding)
            return try node(.assignPattern, from: n, [target, n.children[1]])
        case .assign where n.text == "=":
            return try node(.assignPattern, from: n, [n.children[0], n.children[1]])
        case .assignPattern, .arrayPattern, .objectPattern:
            return n
        case .rest where binding:
            return n
        default:
            throw invalidTarget(n, binding ? "invalid parameter" : "invalid left-hand side in assignment expression")
        }
    }

    func invalidTarget(_ n: Node, _ reason: String) -> SyntaxError {
        SyntaxError(line: n.line, column: lexer.column(ofOffset: n.offset), reason: reason)
    }
}
