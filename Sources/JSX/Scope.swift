/// A name declared in the component itself: a local `fetch` or `location` is not the browser's,
/// and a `const` keeps the value the sanitiser can read (`const u = "javascript:..."`).
struct Binding {
    enum Kind { case variable, constant, function, parameter, imported, classDecl, catchParameter }
    var kind: Kind
    /// What the name starts out holding, when the source says: a declarator's initialiser or a
    /// destructuring / parameter default (the preview renders components without props, so a
    /// default is what a parameter holds there).
    var value: Node?
}

/// The names each scope of a module declares, following JavaScript's rules closely enough that a
/// name is only ever treated as local when it really is: `var` and function declarations belong
/// to the enclosing function, `let`/`const`/`class` to their block, parameters to their function.
/// Where the rules are subtle the answer errs towards "global", which the sanitiser checks.
enum Scope {
    /// The declarations `n` introduces when it opens a scope, or nil when it opens none.
    static func declarations(of n: Node) -> [String: Binding]? {
        var names: [String: Binding] = [:]
        switch n.kind {
        case .program:
            collectHoisted(in: n.children, into: &names)
            for statement in n.children { collectLexical(statement, into: &names, moduleLevel: true) }
        case .functionDecl, .function, .arrow:
            if n.kind == .function, !n.text.isEmpty { names[n.text] = Binding(kind: .function, value: n) }
            for param in n.children.dropLast() { collectPattern(param, kind: .parameter, value: nil, into: &names) }
            if let body = n.children.last, body.kind == .block {
                collectHoisted(in: body.children, into: &names)
                for statement in body.children { collectLexical(statement, into: &names, moduleLevel: false) }
            }
        case .block:
            for statement in n.children { collectLexical(statement, into: &names, moduleLevel: false) }
        case .staticBlock:
            if let body = n.children.first {
                collectHoisted(in: body.children, into: &names)
                for statement in body.children { collectLexical(statement, into: &names, moduleLevel: false) }
            }
        case .catchClause:
            if n.children.count == 2 { collectPattern(n.children[0], kind: .catchParameter, value: nil, into: &names) }
        case .forStatement, .forIn, .forOf:
            if let head = n.children.first, head.kind == .varDecl { collectDeclaration(head, into: &names) }
        case .switchStatement:
            for c in n.children where c.kind == .switchCase {
                for statement in c.children { collectLexical(statement, into: &names, moduleLevel: false) }
            }
        case .classExpr:
            if !n.text.isEmpty { names[n.text] = Binding(kind: .classDecl, value: n) }
        default:
            return nil
        }
        return names
    }

    /// `let`/`const`/`class`/function declarations directly in a statement list, and imports.
    private static func collectLexical(_ statement: Node, into names: inout [String: Binding], moduleLevel: Bool) {
        switch statement.kind {
        case .varDecl where statement.text != "var":
            collectDeclaration(statement, into: &names)
        case .functionDecl where !statement.text.isEmpty:
            names[statement.text] = Binding(kind: .function, value: statement)
        case .classDecl where !statement.text.isEmpty:
            names[statement.text] = Binding(kind: .classDecl, value: statement)
        case .importDecl where moduleLevel:
            for spec in statement.children {
                if let local = spec.children.first, local.kind == .identifier { names[local.text] = Binding(kind: .imported) }
            }
        case .exportNamed where moduleLevel, .exportDefault where moduleLevel:
            for child in statement.children { collectLexical(child, into: &names, moduleLevel: true) }
        default:
            break
        }
    }

    /// `var` declarations anywhere below `statements` up to the next function boundary.
    private static func collectHoisted(in statements: [Node], into names: inout [String: Binding]) {
        var stack = statements
        while let n = stack.popLast() {
            switch n.kind {
            case .function, .functionDecl, .arrow, .classDecl, .classExpr, .staticBlock, .method, .field:
                continue
            case .varDecl where n.text == "var":
                collectDeclaration(n, into: &names)
            default:
                break
            }
            stack.append(contentsOf: n.children)
        }
    }

    private static func collectDeclaration(_ decl: Node, into names: inout [String: Binding]) {
        let kind: Binding.Kind = decl.text == "const" ? .constant : .variable
        for declarator in decl.children {
            guard let target = declarator.children.first else { continue }
            collectPattern(target, kind: kind, value: declarator[safe: 1], into: &names)
        }
    }

    /// Every name a pattern binds; a plain name takes `value`, a name with a default takes the default.
    private static func collectPattern(_ pattern: Node, kind: Binding.Kind, value: Node?, into names: inout [String: Binding]) {
        var stack: [(Node, Node?)] = [(pattern, value)]
        while let (n, v) = stack.popLast() {
            switch n.kind {
            case .identifier: names[n.text] = Binding(kind: kind, value: v)
            case .assignPattern:
                if let target = n.children.first { stack.append((target, n[safe: 1])) }
            case .property:
                if let target = n.children.last { stack.append((target, nil)) }
            case .arrayPattern, .objectPattern, .rest:
                stack.append(contentsOf: n.children.map { ($0, nil) })
            default:
                break
            }
        }
    }
}
