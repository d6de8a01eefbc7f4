/// What an event handler may do with its event: read `event.target.value`/`.checked`, `event.key`
/// and the modifier keys, call `preventDefault()`/`stopPropagation()`, and nothing else. The event
/// leads to the window (`event.view`), the element to the page; neither may be handed on.
extension Sanitiser {
    /// `onClick={...}` on a listed element: a function the component wrote, or a name it declared.
    mutating func checkHandler(_ name: String, _ value: Node, at n: Node) {
        // A string handler is refused by its own rule, with its own reason.
        if value.kind == .string || fixedString(value) != nil { return }
        guard let function = handlerFunction(value) else {
            if value.kind == .identifier, resolve(value.text) != nil { return }   // a prop or a local passed on
            // `onClick={this.increment}`: a class component's own method (or field), checked where it is written.
            if value.kind == .member, value.children.first?.kind == .this { return }
            if value.kind == .null || (value.kind == .identifier && value.text == "undefined") { return }
            report(n, "event-access", "\(name) must be a function written in the component (or the name of one), so the checker can see what it does with the event")
            return
        }
        checkEventParameter(of: function, handler: name)
    }

    /// The function a handler value is, following constants and `useCallback(fn, deps)`.
    func handlerFunction(_ value: Node, depth: Int = 0) -> Node? {
        guard depth < 12 else { return nil }
        switch value.kind {
        case .arrow, .function, .functionDecl: return value
        case .paren where value.text != "arrow" && value.children.count == 1: return handlerFunction(value.children[0], depth: depth + 1)
        case .identifier:
            guard let binding = resolve(value.text), let bound = binding.value,
                  binding.kind == .function || binding.kind == .constant || binding.kind == .variable else { return nil }
            return handlerFunction(bound, depth: depth + 1)
        case .call:
            guard let callee = value.children.first else { return nil }
            if lastName(callee) == "useCallback", let inner = value[safe: 1] { return handlerFunction(inner, depth: depth + 1) }
            // `onChange={update("name")}` with `const update = (field) => (e) => ...`: the handler is
            // the function the local one returns.
            guard callee.kind == .identifier, let maker = handlerFunction(callee, depth: depth + 1),
                  let body = maker.children.last else { return nil }
            if body.kind == .block {
                let returns = body.children.filter { $0.kind == .returnStatement }
                guard returns.count == 1, let returned = returns[0].children.first else { return nil }
                return handlerFunction(returned, depth: depth + 1)
            }
            return handlerFunction(body, depth: depth + 1)
        default: return nil
        }
    }

    mutating func checkEventParameter(of function: Node, handler: String) {
        guard function.children.count >= 2, var parameter = function.children.first,
              handlersChecked.insert(function.offset).inserted else { return }
        if parameter.kind == .assignPattern, let target = parameter.children.first { parameter = target }
        switch parameter.kind {
        case .identifier:
            guard let body = function.children.last else { return }
            checkEventUses(parameter.text, in: body, parents: [])
        case .objectPattern:
            checkEventPattern(parameter, prefix: "")
        default:
            report(parameter, "event-access", "\(handler)'s event must be a plain name or a { target: { value }, key } pattern: the event leads to the window")
        }
    }

    /// `({ target: { value }, key }) => ...`: each name taken must be one a handler may read.
    private mutating func checkEventPattern(_ pattern: Node, prefix: String) {
        for property in pattern.children {
            guard property.kind == .property, let key = Self.propertyName(property), var value = property.children.last else {
                report(property, "event-access", "a handler may take only target.value, target.checked, key and the modifier keys from its event")
                continue
            }
            if value.kind == .assignPattern, let target = value.children.first { value = target }
            let path = prefix + key
            if value.kind == .objectPattern {
                checkEventPattern(value, prefix: path + ".")
            } else if !allowlist.eventReads.contains(path) {
                report(property, "event-access", "a handler may not take \(path) from its event: only target.value, target.checked, key and the modifier keys (event.view is the window)")
            }
        }
    }

    /// Every use of the event `name` in a handler's body must be a listed read or call.
    private mutating func checkEventUses(_ name: String, in n: Node, parents: [(Node, Int)]) {
        if n.kind == .identifier, n.text == name, !Self.isKeyPosition(parents) {
            checkEventUse(n, parents: parents)
            return
        }
        // A nested function that declares the same name has its own event.
        if [.arrow, .function].contains(n.kind), n.children.dropLast().contains(where: { Self.declares($0, name) }) { return }
        for (i, child) in n.children.enumerated() {
            checkEventUses(name, in: child, parents: parents + [(n, i)])
        }
    }

    private static func declares(_ pattern: Node, _ name: String) -> Bool {
        pattern.allNodes().contains { $0.kind == .identifier && $0.text == name }
    }

    /// `x.name` and `{ name: ... }` use `name` as a property, not the variable.
    private static func isKeyPosition(_ parents: [(Node, Int)]) -> Bool {
        guard let (parent, i) = parents.last else { return false }
        switch parent.kind {
        case .member, .optionalMember: return i == 1
        case .property: return i == 0 && parent.text != "shorthand"
        case .method: return i == 0
        default: return false
        }
    }

    private mutating func checkEventUse(_ n: Node, parents: [(Node, Int)]) {
        var path: [String] = []
        var level = parents.count - 1
        while level >= 0 {
            let (parent, i) = parents[level]
            guard i == 0, parent.kind == .member || parent.kind == .optionalMember, let key = parent[safe: 1] else { break }
            path.append(key.text)
            level -= 1
        }
        let joined = path.joined(separator: ".")
        let called = level >= 0 && [.call, .optionalCall].contains(parents[level].0.kind) && parents[level].1 == 0
        let written = level >= 0 && parents[level].0.kind == .assign && parents[level].1 == 0
        if called, path.count == 1, allowlist.eventCalls.contains(joined) { return }
        // `event.target.value.trim()` reads a listed value; what follows works on a string.
        let reads = (1...max(path.count, 1)).map { path.prefix($0).joined(separator: ".") }
        if !written, let read = reads.first(where: allowlist.eventReads.contains),
           !(called && read == joined) { return }
        let shown = ([n.text] + path).joined(separator: ".")
        let use = called ? "calling \(shown)()" : written ? "writing \(shown)" : path.isEmpty ? "handing on the event \(n.text)" : "reading \(shown)"
        report(n, "event-access", "\(use) is not allowed: a handler may read event.target.value, .target.checked, .key and the modifier keys, and call preventDefault() or stopPropagation(); the event leads to the window")
    }
}
