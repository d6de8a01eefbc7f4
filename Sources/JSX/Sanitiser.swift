/// The safety rules a generated component must pass before it reaches the preview, each with the
/// reason shown to the user. They run on the syntax tree, so comments and strings cannot fool them.
struct Sanitiser {
    let allowedImports: Set<String>
    let lexer: Lexer

    init(allowedImports: Set<String>, source: String) {
        self.allowedImports = allowedImports
        lexer = Lexer(source)
    }

    static let forbiddenElements: Set<String> = ["script", "iframe", "object", "embed", "frame", "frameset", "applet", "base"]
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlinkhref", "xlink:href", "poster", "data"]
    static let network: Set<String> = ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "window.fetch",
                                       "globalThis.fetch", "navigator.sendBeacon", "window.navigator.sendBeacon"]
    static let storage: Set<String> = ["document.cookie", "localStorage", "sessionStorage", "window.localStorage",
                                       "window.sessionStorage", "window.document.cookie", "indexedDB", "window.indexedDB"]
    static let navigation: Set<String> = ["location", "window.location", "document.location", "location.href",
                                          "window.location.href", "document.location.href", "top.location", "window.top.location"]
    static let dynamicCode: Set<String> = ["eval", "Function", "window.eval", "globalThis.eval", "window.Function"]
    static let timers: Set<String> = ["setTimeout", "setInterval", "window.setTimeout", "window.setInterval"]

    func finding(_ n: Node, _ rule: String, _ message: String) -> Diagnostic {
        Diagnostic(line: n.line, column: lexer.column(ofOffset: n.offset), message: message, rule: rule)
    }

    func findings(in program: Node) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // (node, is this identifier a reference rather than a property name or key?)
        var stack: [(Node, Bool)] = [(program, true)]
        while let (n, isReference) = stack.popLast() {
            out.append(contentsOf: check(n, isReference: isReference))
            for (i, child) in n.children.enumerated().reversed() {
                let isKey: Bool = switch n.kind {
                case .member, .optionalMember: i == 1
                case .property, .method, .field: i == 0 && child.kind != .computedMember
                default: false
                }
                stack.append((child, !isKey))
            }
        }
        return Array(Set(out)).sorted { ($0.line, $0.column, $0.message) < ($1.line, $1.column, $1.message) }
    }

    func check(_ n: Node, isReference: Bool) -> [Diagnostic] {
        switch n.kind {
        case .importDecl, .exportAll:
            return isAllowed(n.text) ? [] : [finding(n, "import", "import of '\(n.text)' is not allowed: components may only import \(allowedImports.sorted().joined(separator: ", "))")]
        case .exportNamed where !n.text.isEmpty:
            return isAllowed(n.text) ? [] : [finding(n, "import", "import of '\(n.text)' is not allowed: components may only import \(allowedImports.sorted().joined(separator: ", "))")]
        case .importExpression:
            return [finding(n, "import", "dynamic import() is not allowed: it can load code from anywhere")]
        case .jsxElement:
            let tag = n.text.lowercased()
            if Self.forbiddenElements.contains(tag) {
                return [finding(n, "forbidden-element", "<\(n.text)> is not allowed: it can run or embed code from outside the component")]
            }
            return []
        case .jsxAttribute:
            return checkAttribute(n)
        case .identifier where isReference:
            return checkName(n.text, at: n)
        case .identifier where n.text == "dangerouslySetInnerHTML":
            return [finding(n, "dangerous-html", "dangerouslySetInnerHTML is not allowed: it injects raw HTML and enables XSS")]
        case .member, .optionalMember, .computedMember, .optionalComputed:
            guard let path = dottedName(n) else { return [] }
            return checkName(path, at: n)
        case .call, .optionalCall, .newExpr:
            return checkCall(n)
        case .assign:
            if let target = n.children.first, let path = dottedName(target), Self.navigation.contains(path) {
                return [finding(n, "navigation", "assigning \(path) is not allowed: a component must not navigate the page away")]
            }
            return []
        case .property:
            if let key = n.children.first, key.kind == .identifier || key.kind == .string, let value = n[safe: 1] {
                if key.text == "dangerouslySetInnerHTML" {
                    return [finding(n, "dangerous-html", "dangerouslySetInnerHTML is not allowed: it injects raw HTML and enables XSS")]
                }
                if Self.urlAttributes.contains(key.text.lowercased()), let url = staticPrefix(value), isDangerousURL(url) {
                    return [finding(value, "unsafe-url", "'\(key.text)' holds a javascript: or data:text/html URL, which runs code when followed")]
                }
            }
            return []
        default:
            return []
        }
    }

    func isAllowed(_ module: String) -> Bool {
        allowedImports.contains(module) || allowedImports.contains { module.hasPrefix($0 + "/") }
    }

    func checkName(_ name: String, at n: Node) -> [Diagnostic] {
        if name == "dangerouslySetInnerHTML" || name.hasSuffix(".dangerouslySetInnerHTML") {
            return [finding(n, "dangerous-html", "dangerouslySetInnerHTML is not allowed: it injects raw HTML and enables XSS")]
        }
        if Self.network.contains(name) {
            return [finding(n, "network", "\(name) is not allowed: components must not talk to the network")]
        }
        if Self.storage.contains(name) {
            return [finding(n, "storage", "\(name) is not allowed: components must not read or write cookies or browser storage")]
        }
        if Self.dynamicCode.contains(name) {
            return [finding(n, "dynamic-code", "\(name) is not allowed: it runs code built from strings")]
        }
        return []
    }

    func checkCall(_ n: Node) -> [Diagnostic] {
        guard let callee = n.children.first, let name = dottedName(callee) else { return [] }
        if Self.timers.contains(name), let first = n[safe: 1], first.kind == .string || first.kind == .template || first.kind == .binary {
            return [finding(n, "dynamic-code", "\(name) with a string is not allowed: it runs code built from strings")]
        }
        if name == "require" {
            return [finding(n, "import", "require() is not allowed: components may only import \(allowedImports.sorted().joined(separator: ", "))")]
        }
        if ["location.assign", "location.replace", "window.location.assign", "window.location.replace", "window.open"].contains(name) {
            return [finding(n, "navigation", "\(name) is not allowed: a component must not navigate the page away")]
        }
        if name.hasSuffix("createElement"), let tag = n[safe: 1], tag.kind == .string, Self.forbiddenElements.contains(tag.text.lowercased()) {
            return [finding(n, "forbidden-element", "<\(tag.text)> is not allowed: it can run or embed code from outside the component")]
        }
        return []
    }

    func checkAttribute(_ n: Node) -> [Diagnostic] {
        let name = n.text
        if name == "dangerouslySetInnerHTML" {
            return [finding(n, "dangerous-html", "dangerouslySetInnerHTML is not allowed: it injects raw HTML and enables XSS")]
        }
        guard let value = n[safe: 0] else { return [] }
        if name.count > 2, name.hasPrefix("on"), name.dropFirst(2).first?.isUppercase == true, value.kind == .string {
            return [finding(n, "string-handler", "\(name) is a string: event handlers must be functions, a string would be run as code")]
        }
        if Self.urlAttributes.contains(name.lowercased()) {
            let expr = value.kind == .jsxExpression ? value.children.first : value
            if let expr, let url = value.kind == .string ? HTMLEntities.decode(value.text) : staticPrefix(expr), isDangerousURL(url) {
                return [finding(n, "unsafe-url", "\(name) is a javascript: or data:text/html URL, which runs code when followed")]
            }
        }
        return []
    }

    /// The statically known start of a string expression: literals, templates up to their first
    /// hole, and `+` chains of those.
    func staticPrefix(_ n: Node) -> String? {
        switch n.kind {
        case .string: return n.text
        case .template: return n.children.first?.text
        case .paren, .jsxExpression: return n.children.first.flatMap(staticPrefix)
        case .binary where n.text == "+":
            guard let left = n.children.first, let lp = staticPrefix(left) else { return nil }
            if let right = n[safe: 1], isFullyStatic(left), let rp = staticPrefix(right) { return lp + rp }
            return lp
        case .conditional:
            // Either branch may be taken; report the dangerous one if any.
            let branches = n.children.dropFirst().compactMap(staticPrefix)
            return branches.first(where: isDangerousURL) ?? branches.first
        default: return nil
        }
    }

    func isFullyStatic(_ n: Node) -> Bool {
        switch n.kind {
        case .string: true
        case .template: n.children.count == 1
        case .paren: n.children.first.map(isFullyStatic) ?? false
        case .binary where n.text == "+": n.children.allSatisfy(isFullyStatic)
        default: false
        }
    }

    /// Browsers ignore case, whitespace and control characters inside a scheme.
    func isDangerousURL(_ url: String) -> Bool {
        let squeezed = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
        return squeezed.hasPrefix("javascript:") || squeezed.hasPrefix("vbscript:") || squeezed.hasPrefix("data:text/html")
    }

    /// `window.location.href` for a member chain of plain names (and `x["y"]`), else nil.
    func dottedName(_ n: Node) -> String? {
        switch n.kind {
        case .identifier: return n.text
        case .paren: return n.children.first.flatMap(dottedName)
        case .member, .optionalMember:
            guard let object = n.children.first, let prop = n[safe: 1], let base = dottedName(object) else { return nil }
            return base + "." + prop.text
        case .computedMember, .optionalComputed:
            guard n.children.count == 2, let object = n.children.first, let prop = n[safe: 1], let base = dottedName(object),
                  let key = staticPrefix(prop), isFullyStatic(prop) else { return nil }
            return base + "." + key
        default: return nil
        }
    }
}
