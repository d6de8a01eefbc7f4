/// The safety rules a generated component must pass before it reaches the preview, each with the
/// reason shown to the user. They run on the syntax tree, so comments and strings cannot fool them.
///
/// Two layers: the allowlist (`Allowlist`, `Sanitiser+Allowlist`, `+Calls`, `+Events`) refuses
/// whatever it cannot show is listed, so a string built at run time gets nowhere; the named
/// dangers below it (network, storage, eval, navigation, script URLs) keep their sharper reasons.
///
/// Names are read as the browser would resolve them: `window.`, `self.`, `globalThis.`, `top.`,
/// `parent.`, `frames[0].` in front of a global change nothing (`self.fetch` is `fetch`), a name
/// the component declares itself is not the global (a `location` state variable is not the
/// page's), and the global objects themselves may only be used directly (`window.addEventListener`),
/// never handed on (`const w = window`, `const { cookie } = document`, `f(window)`), because what
/// is then done with them can no longer be seen.
struct Sanitiser {
    let allowedImports: Set<String>
    /// Hosts resources (`src`, `srcSet`, ...) may load from, beyond the preview's own origin.
    let allowedHosts: Set<String>
    let allowlist = Allowlist.standard
    let lexer: Lexer
    /// The names declared by each enclosing scope, innermost last.
    private(set) var scopes: [[String: Binding]] = []
    private var found: Set<Diagnostic> = []
    /// Callbacks of `array.map(...)` (and its relatives) over a local array literal, by offset.
    private var iterated: [Int: Node] = [:]
    /// Handlers whose use of the event is checked already: a function named by many `onClick`s is
    /// walked once, so the check stays linear in the file.
    var handlersChecked: Set<Int> = []
    /// Keys of the objects the file gives its context Providers.
    var providedKeys: Set<String> = []

    init(allowedImports: Set<String>, allowedHosts: Set<String> = [], source: String) {
        self.allowedImports = allowedImports
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
        lexer = Lexer(source)
    }

    /// How a node is used by its parent; the rules for a name depend on it.
    enum Role: Equatable {
        case reference
        /// A property name (`x.name`, `{ name: 1 }`), not a variable.
        case key
        /// The object of a member access: `window` in `window.addEventListener`.
        case memberObject
        case callee
        /// `typeof window` and `"x" in window` only ask whether something exists.
        case presenceTest
        case assignTarget
        /// The value of a URL attribute or property, reported by that rule.
        case urlValue
        /// A quoted JSX attribute value that can act as a link (SVG `<animate to>`), whose entities
        /// the browser decodes.
        case attributeString
        /// A quoted JSX attribute value that is only ever text (`aria-label`, `title`, `alt`).
        case textAttribute
        /// A piece of a `+` chain: only the whole chain is checked as a string.
        case concatOperand
    }

    mutating func findings(in program: Node) -> [Diagnostic] {
        scopes = []
        found = []
        iterated = [:]
        handlersChecked = []
        providedKeys = Self.providedKeys(in: program)
        visit(program, .reference)
        // Where a rule of the denylist already says what is wrong, the allowlist's general reason
        // at the same place adds nothing.
        let specific = Set(found.filter { !Self.allowlistRules.contains($0.rule ?? "") }.map { [$0.line, $0.column] })
        found = found.filter { !Self.allowlistRules.contains($0.rule ?? "") || !specific.contains([$0.line, $0.column]) }
        return found.sorted { ($0.line, $0.column, $0.message) < ($1.line, $1.column, $1.message) }
    }

    /// Recursion is bounded by the parser's depth limit, and the checker runs on a large stack.
    private mutating func visit(_ n: Node, _ role: Role) {
        var opened = Scope.declarations(of: n)
        // `columns.map((c) => ...)` over a local array: `c` is one of its elements.
        if n.kind == .arrow || n.kind == .function, let array = iterated[n.offset], let first = n.children.first,
           first.kind == .identifier, n.children.count >= 2 {
            opened?[first.text] = Binding(kind: .parameter, value: array)
        }
        if n.kind == .call { noteIteration(n) }
        if let opened { scopes.append(opened) }
        check(n, role)
        for (i, child) in n.children.enumerated() {
            visit(child, Self.role(of: child, at: i, in: n, parentRole: role))
        }
        if opened != nil { scopes.removeLast() }
    }

    private mutating func noteIteration(_ n: Node) {
        guard let callee = n.children.first, callee.kind == .member, let method = lastName(callee),
              ["map", "forEach", "filter", "find", "some", "every", "flatMap", "findLast"].contains(method),
              let object = callee.children.first, object.kind == .identifier, let binding = resolve(object.text),
              binding.kind == .constant, let array = binding.value, array.kind == .array,
              let callback = n[safe: 1], callback.kind == .arrow || callback.kind == .function else { return }
        iterated[callback.offset] = array
    }

    static func role(of child: Node, at i: Int, in parent: Node, parentRole: Role) -> Role {
        switch parent.kind {
        case .member, .optionalMember:
            return i == 0 ? .memberObject : .key
        case .computedMember, .optionalComputed:
            return parent.children.count == 2 && i == 0 ? .memberObject : .reference
        case .call, .optionalCall, .newExpr, .taggedTemplate:
            return i == 0 ? .callee : .reference
        case .unary where parent.text == "typeof":
            return .presenceTest
        case .binary where parent.text == "in":
            return i == 1 ? .presenceTest : .reference
        case .binary where parent.text == "+":
            return .concatOperand
        case .property, .method, .field:
            if i == 0 && child.kind != .computedMember { return .key }
            if parent.kind == .property, i == 1, let key = propertyName(parent), urlAttributes.contains(key.lowercased()) {
                return .urlValue
            }
            return .reference
        case .assign:
            return i == 0 ? .assignTarget : .reference
        case .paren where parent.text != "arrow":
            // `(window).fetch` is `window.fetch`.
            return parentRole == .concatOperand ? .reference : parentRole
        case .jsxExpression:
            return parentRole == .urlValue ? .urlValue : .reference
        case .jsxAttribute:
            let name = parent.text.lowercased()
            return urlAttributes.contains(name) ? .urlValue : animationValues.contains(name) ? .attributeString : .textAttribute
        default:
            return .reference
        }
    }

    /// The binding `name` refers to at the current point of the walk, or nil for a global.
    func resolve(_ name: String) -> Binding? {
        for scope in scopes.reversed() {
            if let binding = scope[name] { return binding }
        }
        return nil
    }

    mutating func report(_ n: Node, _ rule: String, _ message: String) {
        found.insert(Diagnostic(line: n.line, column: lexer.column(ofOffset: n.offset), message: message, rule: rule))
    }

    private mutating func check(_ n: Node, _ role: Role) {
        switch n.kind {
        case .importDecl, .exportAll:
            checkImport(n)
        case .exportNamed where !n.text.isEmpty:
            checkImport(n)
        case .importExpression:
            report(n, "import", "dynamic import() is not allowed: it can load code from anywhere")
        case .jsxElement:
            checkElement(n)
            checkListedElement(n)
        case .jsxAttribute:
            checkAttribute(n)
        case .jsxSpreadAttribute:
            checkSpread(n)
        case .identifier:
            if n.text == "dangerouslySetInnerHTML" {
                report(n, "dangerous-html", Self.dangerousHTML)
            } else if role != .key {
                checkAccess(n, role)
            }
        case .member, .optionalMember, .computedMember, .optionalComputed:
            // A one-child computedMember is an object literal's `[key]`, not an access.
            if n.children.count == 2 { checkAccess(n, role) }
            if n.kind == .computedMember || n.kind == .optionalComputed { checkComputedAccess(n) } else { checkEscapeMember(n) }
        case .call, .optionalCall, .newExpr:
            checkCall(n)
            checkListedCall(n)
        case .taggedTemplate:
            checkTaggedTemplate(n)
        case .assign:
            checkAssignment(n)
            checkMemberWrite(n)
        case .property:
            checkProperty(n)
        case .string:
            // A label heard in the meeting may well say "javascript:"; as aria-label text it is harmless.
            guard role != .urlValue, role != .textAttribute else { return }
            checkString(role == .attributeString ? HTMLEntities.decode(n.text) : n.text, at: n)
        case .template:
            if role != .urlValue, let value = staticString(n) { checkString(value, at: n) }
        case .binary where n.text == "+":
            if role != .urlValue, role != .concatOperand, let value = staticString(n) { checkString(value, at: n) }
        default:
            break
        }
    }

    func isAllowed(_ module: String) -> Bool {
        allowedImports.contains(module) || allowedImports.contains { module.hasPrefix($0 + "/") }
    }
}
