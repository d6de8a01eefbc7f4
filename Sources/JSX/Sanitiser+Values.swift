/// What the sanitiser can know about a value without running the code: which global a member
/// chain reaches, and which strings an expression is built from.
extension Sanitiser {
    /// A member chain as the browser resolves it.
    struct Access {
        /// As written, for messages: `self.fetch`, `window.localStorage`.
        var display: String
        /// Canonical: `fetch`, `localStorage`, `document.cookie`, `window` for the global object itself.
        var name: String
        /// Reaches a global rather than something the component declared.
        var global: Bool
        /// The chain has a computed key that is not a constant; `name` is what comes before it.
        var dynamic: Bool
    }

    /// Names that are the global object itself (`window.self.top` is still `window`).
    static let windowAliases: Set<String> = ["window", "self", "globalThis", "top", "parent", "frames", "opener"]
    /// Members that lead from any element or window back to the page's globals.
    static let toDocument: Set<String> = ["ownerDocument", "contentDocument"]
    static let toWindow: Set<String> = ["defaultView", "contentWindow"]

    /// nil when `n` is not a member chain (or a name).
    func access(_ n: Node) -> Access? {
        var segments: [String?] = []   // outermost first; nil for a computed key that is not constant
        var node = n
        loop: while true {
            switch node.kind {
            case .paren where node.text != "arrow" && node.children.count == 1:
                node = node.children[0]
            case .member, .optionalMember:
                guard node.children.count == 2 else { return nil }
                segments.append(node.children[1].text)
                node = node.children[0]
            case .computedMember, .optionalComputed:
                guard node.children.count == 2 else { return nil }
                segments.append(staticString(node.children[1]))
                node = node.children[0]
            default:
                break loop
            }
        }
        var names: [String] = []
        var global = false
        var shown: [String] = []
        if node.kind == .identifier {
            global = resolve(node.text) == nil
            names = [node.text]
            shown = [node.text]
        } else if segments.isEmpty {
            return nil
        } else {
            shown = ["(...)"]
        }
        var dynamic = false
        for segment in segments.reversed() {
            guard let segment else { dynamic = true; break }
            shown.append(segment)
            if Self.toDocument.contains(segment) {
                global = true
                names = ["document"]
            } else if Self.toWindow.contains(segment) {
                global = true
                names = ["window"]
            } else {
                names.append(segment)
            }
        }
        return Access(display: shown.joined(separator: "."), name: Self.canonical(names), global: global, dynamic: dynamic)
    }

    /// Drops the global-object prefix: `window.top.frames.0.fetch` -> `fetch`; `document.location` -> `location`.
    static func canonical(_ names: [String]) -> String {
        var i = 0
        while i < names.count, windowAliases.contains(names[i]) || (i > 0 && names[i].allSatisfy(\.isNumber) && !names[i].isEmpty) {
            i += 1
        }
        var rest = Array(names[i...])
        if rest.count >= 2, rest[0] == "document", rest[1] == "location" { rest.removeFirst() }
        return rest.isEmpty ? "window" : rest.joined(separator: ".")
    }

    /// The property a member expression ends in (`insertAdjacentHTML` of `el.insertAdjacentHTML`), or
    /// a plain name (`jsx`).
    func lastName(_ n: Node) -> String? {
        switch n.kind {
        case .identifier: n.text
        case .paren where n.children.count == 1: lastName(n.children[0])
        case .member, .optionalMember: n[safe: 1]?.text
        case .computedMember, .optionalComputed: n.children.count == 2 ? n[safe: 1].flatMap { staticString($0) } : nil
        default: nil
        }
    }

    /// A property's key when it is a name, a string or a number literal.
    static func propertyName(_ property: Node) -> String? {
        guard let key = property.children.first, [.identifier, .string, .number].contains(key.kind) else { return nil }
        return key.text
    }

    /// The whole value of `n` when every piece is known: literals, templates whose holes are known,
    /// `+` chains, and names the component declared with a known value.
    func staticString(_ n: Node, depth: Int = 0) -> String? {
        guard depth < 12 else { return nil }
        switch n.kind {
        case .string, .number: return n.text
        case .paren, .jsxExpression: return n.children.count == 1 ? staticString(n.children[0], depth: depth + 1) : nil
        case .template:
            let known = templateStart(n, depth: depth)
            return known.isWhole ? known.text : nil
        case .binary where n.text == "+":
            guard n.children.count == 2, let left = staticString(n.children[0], depth: depth + 1),
                  let right = staticString(n.children[1], depth: depth + 1) else { return nil }
            return left + right
        case .identifier:
            guard let binding = resolve(n.text), binding.kind != .function, let value = binding.value else { return nil }
            return staticString(value, depth: depth + 1)
        default:
            return nil
        }
    }

    /// The known start of a string expression (templates up to their first unknown hole), or for a
    /// choice (`a ? b : c`, `a || b`) the dangerous branch if either is.
    func staticPrefix(_ n: Node, depth: Int = 0) -> String? {
        guard depth < 12 else { return nil }
        if let whole = staticString(n, depth: depth) { return whole }
        switch n.kind {
        case .paren, .jsxExpression:
            return n.children.count == 1 ? staticPrefix(n.children[0], depth: depth + 1) : nil
        case .template:
            return templateStart(n, depth: depth).text
        case .binary where n.text == "+":
            guard let left = n.children.first else { return nil }
            if let whole = staticString(left, depth: depth + 1), let right = n[safe: 1] {
                return whole + (staticPrefix(right, depth: depth + 1) ?? "")
            }
            return staticPrefix(left, depth: depth + 1)
        case .conditional, .logical:
            let branches = n.children.dropFirst(n.kind == .conditional ? 1 : 0).compactMap { staticPrefix($0, depth: depth + 1) }
            return branches.first(where: isDangerousURL) ?? branches.first
        case .identifier:
            guard let binding = resolve(n.text), binding.kind != .function, let value = binding.value else { return nil }
            return staticPrefix(value, depth: depth + 1)
        default:
            return nil
        }
    }

    /// A template's text up to its first hole whose value is not known, and whether that is all of it.
    private func templateStart(_ n: Node, depth: Int) -> (text: String, isWhole: Bool) {
        var text = ""
        for part in n.children {
            if part.kind == .templateElement { text += part.text; continue }
            guard let hole = staticString(part, depth: depth + 1) else { return (text, false) }
            text += hole
        }
        return (text, true)
    }

    /// A function the component wrote itself: a literal, or a name bound to one. Anything else
    /// (a parameter, a property, a global like `name`) could be a string at run time.
    func isFunctionValue(_ n: Node, depth: Int = 0) -> Bool {
        guard depth < 12 else { return false }
        switch n.kind {
        case .arrow, .function:
            return true
        case .paren:
            return n.text != "arrow" && n.children.count == 1 && isFunctionValue(n.children[0], depth: depth + 1)
        case .identifier:
            guard let binding = resolve(n.text) else { return false }
            switch binding.kind {
            case .function: return true
            case .constant, .variable: return binding.value.map { isFunctionValue($0, depth: depth + 1) } ?? false
            default: return false
            }
        case .call:
            // useCallback(() => ..., deps)
            guard lastName(n.children[0]) == "useCallback", let inner = n[safe: 1] else { return false }
            return isFunctionValue(inner, depth: depth + 1)
        default:
            return false
        }
    }
}
