/// The allowlist for what a component's code may do: call React's hooks, its own functions and
/// setters, and a fixed set of built-ins that only compute; index only arrays and objects it made
/// itself; write no link, source or handler onto the page at run time.
extension Sanitiser {
    /// The rules that refuse what is not listed, as opposed to the denylist's named dangers.
    static let allowlistRules: Set<String> = ["unlisted-call", "unlisted-element", "unlisted-attribute", "event-access",
                                              "computed-access", "escape-member", "dom-write", "spread-props"]

    mutating func checkListedCall(_ n: Node) {
        guard var callee = n.children.first else { return }
        while callee.kind == .paren, callee.text != "arrow", callee.children.count == 1 { callee = callee.children[0] }
        let isNew = n.kind == .newExpr
        switch callee.kind {
        case .identifier:
            guard let binding = resolve(callee.text) else {
                let listed = isNew ? allowlist.constructors : allowlist.globalFunctions.union(allowlist.hooks)
                if !listed.contains(callee.text) { reportUnlisted(n, callee.text, isNew: isNew) }
                return
            }
            if Self.elementFactories.contains(callee.text), binding.kind == .imported { checkFactoryCall(n) }
            // A name holding a value read from somewhere (`const F = x[a][b]`) may be any function,
            // Function itself included; a parameter (a prop) is a callback the parent chose.
            if binding.kind == .constant || binding.kind == .variable, let value = binding.value, !isFunctionValue(value),
               !isNew || value.kind != .classExpr {
                reportUnlisted(n, callee.text, isNew: isNew)
            }
        case .arrow, .function:
            return
        case .member, .optionalMember, .computedMember, .optionalComputed:
            checkMethodCall(n, callee, isNew: isNew)
        case .superExpr, .importExpression:
            return
        default:
            report(n, "unlisted-call", "this call's function is computed at run time: call a function by its name, so the checker sees which one runs")
        }
    }

    private mutating func checkMethodCall(_ n: Node, _ callee: Node, isNew: Bool) {
        guard let access = access(callee) else { return }
        if access.dynamic {
            report(n, "unlisted-call", "\(access.display)[...] is called with a computed name: call a method by its name, so the checker sees which one runs")
            return
        }
        let method = access.name.split(separator: ".").last.map(String.init) ?? access.name
        let segments = access.display.split(separator: ".").map(String.init)
        if Self.elementFactories.contains(method) { checkFactoryCall(n) }
        if method == "addEventListener", let listener = n[safe: 2].flatMap({ handlerFunction($0) }) {
            checkEventParameter(of: listener, handler: "the listener")
        }
        if access.global {
            let listed = isNew ? allowlist.constructors : allowlist.namespaceCalls
            let hook = segments.count == 2 && segments[0] == "React" && allowlist.hooks.contains(method)
            if !listed.contains(access.name) && !hook { reportUnlisted(n, access.display, isNew: isNew) }
            return
        }
        // `this.setState(...)`, `this.props.onPick(...)`: a class component's own instance (in a
        // module, `this` outside a class method is undefined, never the window).
        if Self.rootNode(callee)?.kind == .this {
            let names = Self.memberNames(callee)
            if names.count == 1 || (names.count == 2 && names[0] == "props") { return }
        }
        // Code from an allowed import (React.useState, motion.div) is trusted as the import is; a
        // context's value is the object the file's own Provider was given.
        if let root = Self.rootIdentifier(callee), let binding = resolve(root.text) {
            if binding.kind == .imported { return }
            if binding.kind == .constant, let value = binding.value, value.kind == .call,
               value.children.first.flatMap({ lastName($0) }) == "useContext", segments.count == 2,
               providedKeys.contains(method) { return }
            // A method of an object literal the component wrote: `api.load()` with `const api = { load() {} }`.
            if segments.count == 2, let value = binding.value {
                // Or of one such object in a local array the call iterates: `columns.map((c) => c.render(v))`.
                let objects = value.kind == .array && binding.kind == .parameter ? value.children.compactMap { literalObject($0) }
                    : binding.kind == .constant ? [literalObject(value)].compactMap { $0 } : []
                if objects.contains(where: { object in
                    object.children.contains { ($0.kind == .property || $0.kind == .method) && Self.propertyName($0) == method
                        && ($0.kind == .method || $0[safe: 1].map { isFunctionValue($0) } == true) }
                }) { return }
            }
        }
        if isNew || !allowlist.methods.contains(method) {
            reportUnlisted(n, access.display, isNew: isNew)
        }
    }

    private mutating func reportUnlisted(_ n: Node, _ name: String, isNew: Bool) {
        let what = isNew ? "new \(name)(...)" : "\(name)(...)"
        report(n, "unlisted-call", "\(what) is not on the allowlist: a component may call React hooks, its own functions and setters, and pure built-ins (Array, String, Math, Number, Intl, Map, Date methods)")
    }

    /// The names after the root of a plain member chain: `["props", "onPick"]` of `this.props.onPick`.
    static func memberNames(_ n: Node) -> [String] {
        var names: [String] = []
        var node = n
        while node.kind == .member || node.kind == .optionalMember, let key = node[safe: 1], let object = node.children.first {
            names.insert(key.text, at: 0)
            node = object
        }
        return names
    }

    /// The keys of every object literal the file hands to a context Provider (`value={{ value, setValue }}`):
    /// the functions a `useContext` value may be called with.
    static func providedKeys(in program: Node) -> Set<String> {
        var keys: Set<String> = []
        for n in program.allNodes() where n.kind == .jsxElement && n.text.hasSuffix(".Provider") {
            for attribute in n.children where attribute.kind == .jsxAttribute && attribute.text == "value" {
                guard let object = attribute[safe: 0]?.children.first, object.kind == .object else { continue }
                for property in object.children { if let key = propertyName(property) { keys.insert(key) } }
            }
        }
        return keys
    }

    /// The name a member chain starts from: `items` of `items.slice(1).map`.
    static func rootIdentifier(_ n: Node) -> Node? {
        rootNode(n).flatMap { $0.kind == .identifier ? $0 : nil }
    }

    /// What a member chain starts from: a name, `this`, a literal.
    static func rootNode(_ n: Node) -> Node? {
        var node = n
        while true {
            switch node.kind {
            case .identifier, .this: return node
            case .member, .optionalMember, .computedMember, .optionalComputed, .call, .optionalCall:
                guard let first = node.children.first else { return nil }
                node = first
            case .paren where node.text != "arrow" && node.children.count == 1:
                node = node.children[0]
            default:
                return node
            }
        }
    }

    /// `a[k]` with a computed `k` is only allowed on data the component holds: its own arrays and
    /// objects, its state and the rows it maps over. Never on a global, a ref's element or the
    /// result of a call, where a key like "ownerDocument" leads back to the page.
    mutating func checkComputedAccess(_ n: Node) {
        guard n.children.count == 2 else { return }
        let key = n.children[1]
        if key.kind == .number || fixedString(key) != nil { return }
        let base = n.children[0]
        if let root = Self.rootIdentifier(base), let binding = resolve(root.text), binding.kind != .imported,
           !Self.chain(base, contains: "current"), !Self.chain(base, containsCall: true),
           binding.value.map({ !isRef($0) }) ?? true {
            return
        }
        report(n, "computed-access", "a computed property access ([...]) is only allowed on arrays and objects the component holds itself: on anything else it can reach the window, cookies or a prop like dangerouslySetInnerHTML")
    }

    private func isRef(_ value: Node) -> Bool {
        value.kind == .call && value.children.first.flatMap { lastName($0) }.map { $0 == "useRef" || $0 == "createRef" } == true
    }

    /// Whether a member chain passes through `.name`, or through a call.
    static func chain(_ n: Node, contains name: String? = nil, containsCall: Bool = false) -> Bool {
        var node = n
        while true {
            switch node.kind {
            case .member, .optionalMember:
                if node[safe: 1]?.text == name { return true }
            case .call, .optionalCall:
                if containsCall { return true }
            case .computedMember, .optionalComputed, .paren:
                break
            default:
                return false
            }
            guard let first = node.children.first else { return false }
            node = first
        }
    }

    /// React's and the DOM's element factories with a tag the checker can read and list.
    mutating func checkFactoryCall(_ n: Node) {
        guard let callee = n.children.first, let method = lastName(callee) else { return }
        let tagArgument = method == "createElementNS" ? n[safe: 2] : n[safe: 1]
        guard let tagArgument else { return }
        if let tag = fixedString(tagArgument) {
            if !allowlist.elements.contains(tag) {
                report(n, "unlisted-element", "<\(tag)> is not on the allowlist of elements a component may render (see README, 'What the check guarantees')")
                return
            }
            let propsIndex = method == "createElementNS" ? 3 : 2
            guard let props = n[safe: propsIndex], props.kind != .null else { return }
            guard let object = literalObject(props) else {
                report(n, "spread-props", "the props of \(method)(...) must be an object literal written in the component, so the checker sees every attribute")
                return
            }
            for property in object.children {
                guard property.kind == .property, let key = Self.propertyName(property) else {
                    report(property, "spread-props", "props must list each prop by a fixed name: a computed key or a spread could set any attribute")
                    continue
                }
                if key == "children" { continue }
                checkListedAttribute(key, value: property[safe: 1], quoted: false, on: tag, at: property)
            }
        } else if tagArgument.kind == .identifier, let binding = resolve(tagArgument.text),
                  let value = binding.value, isFunctionValue(value) || value.kind == .classExpr || binding.kind == .function {
            return
        } else if tagArgument.kind == .identifier, let binding = resolve(tagArgument.text), binding.kind == .imported || binding.kind == .function {
            return
        } else {
            report(n, "unlisted-element", "\(method)(...) takes its tag from a value computed at run time: pass a listed tag as a fixed string, so the checker sees which element it is")
        }
    }

    /// `.view`, `.nativeEvent`, `.ownerDocument`, ...: the ways from a value back to the window.
    mutating func checkEscapeMember(_ n: Node) {
        guard n.children.count == 2, let name = lastName(n), allowlist.escapeMembers.contains(name) else { return }
        report(n, "escape-member", ".\(name) is not allowed: it leads from an event or element back to the window and the page")
    }

    /// Writing a link, source, handler or HTML onto an element at run time bypasses every check on JSX.
    mutating func checkMemberWrite(_ n: Node) {
        guard let target = n.children.first, [.member, .computedMember, .optionalMember].contains(target.kind) else { return }
        guard let property = lastName(target) else {
            report(n, "dom-write", "assigning a property whose name is computed is not allowed: it could set a link, a handler or HTML")
            return
        }
        let lower = property.lowercased()
        let handler = Self.isHandlerName(property) || allowlist.events.contains { $0.lowercased() == lower } || lower == "onerror" || lower == "onload"
        let styled = access(target).map { $0.display.split(separator: ".").contains("style") } ?? false
        if handler || styled || allowlist.resourceAttributes.contains(property) || allowlist.styleImageProperties.contains(property)
            || lower == "location" || lower == "csstext" || lower == "srcdoc" {
            report(n, "dom-write", "assigning .\(property) is not allowed: a component sets links, sources and handlers in JSX, where they are checked")
        }
    }
}
