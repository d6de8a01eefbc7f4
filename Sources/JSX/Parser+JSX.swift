/// JSX elements, fragments, attributes and children.
extension Parser {
    /// A JSX element in expression position; the current token is `<`.
    mutating func parseJSXRoot() throws(SyntaxError) -> Node {
        let element = try parseJSXElement(then: .expression)
        if tok.isPunct("<") { throw fail("adjacent JSX elements must be wrapped in an enclosing tag") }
        return element
    }

    /// Parses from `<` to the end of the element. `inChild` says which mode to read the next token in.
    enum After { case expression, child, tag }

    mutating func parseJSXElement(then after: After) throws(SyntaxError) -> Node {
        try enter()
        defer { leave() }
        let start = tok
        try advanceJSXTag()
        if tok.isPunct(">") {
            try advanceJSXChild()
            let children = try parseJSXChildren()
            // We are after `</`; a fragment closes with `>` alone.
            guard tok.isPunct(">") else { throw fail("expected corresponding closing tag for JSX fragment") }
            try finishJSX(after)
            return try node(.jsxFragment, at: start, children)
        }
        let name = try parseJSXElementName()
        var attributes: [Node] = []
        while !tok.isPunct(">") && !tok.isPunct("/") {
            attributes.append(try parseJSXAttribute())
        }
        if tok.isPunct("/") {
            try advanceJSXTag()
            guard tok.isPunct(">") else { throw fail("expected '>'") }
            try finishJSX(after)
            return try node(.jsxElement, name.text, at: start, [name] + attributes)
        }
        try advanceJSXChild()
        let children = try parseJSXChildren()
        let closeStart = tok
        let closing = try parseJSXElementName()
        if closing.text != name.text {
            throw fail("expected corresponding JSX closing tag for <\(name.text)>", at: closeStart)
        }
        guard tok.isPunct(">") else { throw fail("expected '>'") }
        try finishJSX(after)
        return try node(.jsxElement, name.text, at: start, [name] + attributes + children)
    }

    mutating func finishJSX(_ after: After) throws(SyntaxError) {
        switch after {
        case .expression: try advance()
        case .child: try advanceJSXChild()
        case .tag: try advanceJSXTag()
        }
    }

    /// Children up to the closing `</`; returns with the token after `</` current.
    mutating func parseJSXChildren() throws(SyntaxError) -> [Node] {
        var children: [Node] = []
        while true {
            switch tok.kind {
            case .eof:
                throw fail("unterminated JSX contents")
            case .jsxText:
                children.append(try node(.jsxText, tok.text, at: tok))
                try advanceJSXChild()
            case .punct where tok.text == "{":
                children.append(try parseJSXExpressionContainer(inAttribute: false))
                try advanceJSXChild()
            case .punct where tok.text == "<":
                let lt = tok
                let saved = lexer.state
                try advanceJSXTag()
                if tok.isPunct("/") {
                    try advanceJSXTag()
                    return children
                }
                // Not a closing tag: rewind so the element parser sees its `<`.
                tok = lt
                lexer.restore(saved)
                children.append(try parseJSXElement(then: .child))
            default:
                throw unexpected()
            }
        }
    }

    /// `{expr}`, `{...spread}` or `{}`; leaves the closing `}` as the current token.
    mutating func parseJSXExpressionContainer(inAttribute: Bool) throws(SyntaxError) -> Node {
        let start = tok
        try advance()
        if tok.isPunct("}") {
            if inAttribute { throw fail("JSX attributes must only be assigned a non-empty expression", at: start) }
            return try node(.jsxEmptyExpression, at: start)
        }
        if !inAttribute && tok.isPunct("...") {
            try advance()
            let e = try parseExpression()
            guard tok.isPunct("}") else { throw fail("expected '}'") }
            return try node(.jsxSpreadChild, at: start, [e])
        }
        let e = try parseExpression()
        guard tok.isPunct("}") else { throw fail("expected '}'") }
        return try node(.jsxExpression, at: start, [e])
    }

    /// `div`, `svg:path` or `motion.div`; the current token is the first name part.
    mutating func parseJSXElementName() throws(SyntaxError) -> Node {
        let start = tok
        if tok.isPunct(">") { return try node(.jsxName, "", at: start) }
        guard tok.kind == .name else { throw fail("expected a JSX element name") }
        var text = tok.text
        try advanceJSXTag()
        if tok.isPunct(":") {
            try advanceJSXTag()
            guard tok.kind == .name else { throw fail("expected a JSX name after ':'") }
            text += ":" + tok.text
            try advanceJSXTag()
            return try node(.jsxNamespacedName, text, at: start)
        }
        var kind = Node.Kind.jsxName
        while tok.isPunct(".") {
            try advanceJSXTag()
            guard tok.kind == .name, !tok.text.contains("-") else { throw fail("expected a JSX name after '.'") }
            text += "." + tok.text
            kind = .jsxMemberName
            try advanceJSXTag()
        }
        if kind == .jsxMemberName && start.text.contains("-") { throw fail("invalid JSX member name", at: start) }
        return try node(kind, text, at: start)
    }

    mutating func parseJSXAttribute() throws(SyntaxError) -> Node {
        let start = tok
        if tok.isPunct("{") {
            try advance()
            guard tok.isPunct("...") else { throw fail("expected '...' in a JSX spread attribute") }
            try advance()
            let e = try parseAssign()
            guard tok.isPunct("}") else { throw fail("expected '}'") }
            try advanceJSXTag()
            return try node(.jsxSpreadAttribute, at: start, [e])
        }
        guard tok.kind == .name else {
            throw tok.kind == .eof ? fail("unterminated JSX tag") : unexpected()
        }
        var name = tok.text
        try advanceJSXTag()
        if tok.isPunct(":") {
            try advanceJSXTag()
            guard tok.kind == .name else { throw fail("expected a JSX name after ':'") }
            name += ":" + tok.text
            try advanceJSXTag()
        }
        guard tok.isPunct("=") else { return try node(.jsxAttribute, name, at: start) }
        try advanceJSXTag()
        let value: Node
        switch tok.kind {
        case .string:
            value = try node(.string, tok.text, at: tok)
            try advanceJSXTag()
        case .punct where tok.text == "{":
            value = try parseJSXExpressionContainer(inAttribute: true)
            try advanceJSXTag()
        case .punct where tok.text == "<":
            value = try parseJSXElement(then: .tag)
        default:
            throw fail("JSX value should be either an expression or a quoted JSX text")
        }
        return try node(.jsxAttribute, name, at: start, [value])
    }
}
