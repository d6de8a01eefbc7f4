/// One node of the syntax tree. The tree is deliberately uniform — a kind, an optional text
/// (name, operator, literal value) and children — so rules can walk it without a visitor per type.
public struct Node: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case program, directive
        // Statements and declarations
        case varDecl, declarator, functionDecl, function, arrow, classDecl, classExpr, classBody, method, field, staticBlock
        case block, empty, expressionStatement, ifStatement, forStatement, forIn, forOf, whileStatement
        case doWhile, returnStatement, breakStatement, continueStatement, throwStatement, tryStatement
        case catchClause, switchStatement, switchCase, labeled, debugger
        case importDecl, importSpecifier, importDefault, importNamespace, importExpression, metaProperty
        case exportNamed, exportDefault, exportAll, exportSpecifier
        // Expressions
        case identifier, privateName, this, superExpr, null, boolean, number, string, regex, bigint
        case template, templateElement, taggedTemplate
        case array, hole, object, property, spread, rest
        case member, computedMember, optionalMember, optionalComputed, call, optionalCall, newExpr
        case unary, update, binary, logical, assign, conditional, sequence, await, yield, paren
        // Patterns
        case arrayPattern, objectPattern, assignPattern, coverInit
        // JSX
        case jsxElement, jsxFragment, jsxName, jsxNamespacedName, jsxMemberName, jsxAttribute
        case jsxSpreadAttribute, jsxText, jsxExpression, jsxEmptyExpression, jsxSpreadChild
    }

    public var kind: Kind
    public var text: String
    public var line: Int
    /// Byte offset of the node's first character in the source.
    public var offset: Int
    public var children: [Node]
    /// Longest path to a leaf; the parser refuses trees deeper than its limit.
    public private(set) var height: Int

    public init(_ kind: Kind, _ text: String = "", line: Int, offset: Int, _ children: [Node] = []) {
        self.kind = kind
        self.text = text
        self.line = line
        self.offset = offset
        self.children = children
        var h = 0
        for c in children where c.height > h { h = c.height }
        height = h + 1
    }

    /// The child at `i`, if present; keeps rule code free of index checks.
    public subscript(safe i: Int) -> Node? { i < children.count ? children[i] : nil }

    /// Every node of the tree, parents before children, without recursion.
    public func allNodes() -> [Node] {
        var out: [Node] = []
        var stack: [Node] = [self]
        while let n = stack.popLast() {
            out.append(n)
            stack.append(contentsOf: n.children.reversed())
        }
        return out
    }
}
