/// Prints a `JSXModule` as a React source file: 2-space indents, double-quoted strings,
/// attributes on one line when the tag fits in `width` columns, one per line otherwise.
/// Printing is a pure function of the tree, so the same spec always gives the same bytes.
public struct JSXPrinter: Sendable {
    public var width: Int

    public init(width: Int = 100) {
        self.width = width
    }

    /// The source text and every Tailwind class it uses (sorted, unique).
    public func print(_ module: JSXModule) -> (source: String, classes: [String]) {
        var state = State()
        var lines: [String] = []
        if !module.states.isEmpty {
            lines.append("import { useState } from \"react\";")
            lines.append("")
        }
        lines.append("export function \(module.name)() {")
        for hook in module.states {
            lines.append("  const [\(hook.value), \(hook.setter)] = useState(\(expression(hook.initial, &state)));")
        }
        if let flag = module.renderOnlyIf {
            lines.append("  if (!\(flag)) return null;")
        }
        if !module.states.isEmpty || module.renderOnlyIf != nil { lines.append("") }
        lines.append("  return (")
        lines += element(module.body, indent: 2, &state)
        lines.append("  );")
        lines.append("}")
        lines.append("")
        lines.append("export default \(module.name);")
        return (lines.joined(separator: "\n") + "\n", state.classes.sorted())
    }

    /// Collects classes while printing.
    struct State {
        private var seen: Set<String> = []
        private(set) var classes: [String] = []

        mutating func note(_ list: ClassList) {
            for c in list.classes where seen.insert(c).inserted { classes.append(c) }
        }
    }

    // MARK: - Elements

    func element(_ el: JSXElement, indent: Int, _ state: inout State) -> [String] {
        let pad = String(repeating: " ", count: indent * 2)
        let attrs = el.attributes.map { attribute($0, &state) }
        let tag = el.tag.rawValue
        let inlineOpen = "<" + ([tag] + attrs).joined(separator: " ")
        let fitsInline = pad.count + inlineOpen.count + 2 <= width

        if el.children.isEmpty || el.tag.isVoid {
            if fitsInline { return [pad + inlineOpen + " />"] }
            return [pad + "<" + tag] + attrs.map { pad + "  " + $0 } + [pad + "/>"]
        }

        // A lone short text child stays on the tag's line: <button ...>Pay</button>.
        if el.children.count == 1, case .text(let text) = el.children[0] {
            let line = pad + inlineOpen + ">" + JSXEscaper.text(text) + "</" + tag + ">"
            if line.count <= width { return [line] }
        }

        var lines: [String]
        if fitsInline {
            lines = [pad + inlineOpen + ">"]
        } else {
            lines = [pad + "<" + tag] + attrs.map { pad + "  " + $0 } + [pad + ">"]
        }
        for child in el.children {
            lines += node(child, indent: indent + 1, &state)
        }
        lines.append(pad + "</" + tag + ">")
        return lines
    }

    func node(_ node: JSXNode, indent: Int, _ state: inout State) -> [String] {
        let pad = String(repeating: " ", count: indent * 2)
        switch node {
        case .element(let el):
            return element(el, indent: indent, &state)
        case .text(let text):
            let escaped = JSXEscaper.text(text)
            return escaped.isEmpty ? [] : [pad + escaped]
        case .expression(.show(let condition, let el)):
            return [pad + "{" + expression(condition, &state) + " && ("]
                + element(el, indent: indent + 1, &state)
                + [pad + ")}"]
        case .expression(let expr):
            return [pad + "{" + expression(expr, &state) + "}"]
        }
    }

    func attribute(_ attr: JSXAttribute, _ state: inout State) -> String {
        let name = attr.name.rawValue
        switch attr.value {
        case .present:
            return name
        case .string(let value):
            return name + "=\"" + JSXEscaper.attribute(value) + "\""
        case .classes(let list):
            state.note(list)
            return name + "=\"" + JSXEscaper.attribute(list.text) + "\""
        case .expression(.conditional(let condition, .classes(let a), .classes(let b))):
            return name + "={" + classSwitch(condition, a, b, &state) + "}"
        case .expression(let expr):
            return name + "={" + expression(expr, &state) + "}"
        }
    }

    /// `cond ? "x y a" : "x y b"` printed the way people write it: the shared classes once,
    /// only the difference switched: `` `x y ${cond ? "a" : "b"}` ``.
    func classSwitch(_ condition: JSExpr, _ a: ClassList, _ b: ClassList, _ state: inout State) -> String {
        state.note(a)
        state.note(b)
        let shared = a.classes.filter(b.classes.contains)
        guard !shared.isEmpty else {
            return expression(.conditional(condition, .classes(a), .classes(b)), &state)
        }
        let onlyA = a.classes.filter { !shared.contains($0) }.joined(separator: " ")
        let onlyB = b.classes.filter { !shared.contains($0) }.joined(separator: " ")
        var cond: String
        if case .equals = condition { cond = expression(condition, &state) } else { cond = operand(condition, &state) }
        cond += " ? " + JSXEscaper.jsString(onlyA) + " : " + JSXEscaper.jsString(onlyB)
        return "`" + JSXEscaper.templateText(shared.joined(separator: " ")) + " ${" + cond + "}`"
    }

    // MARK: - Expressions

    func expression(_ expr: JSExpr, _ state: inout State) -> String {
        switch expr {
        case .identifier(let id):
            return id.name
        case .bool(let b):
            return b ? "true" : "false"
        case .number(let n):
            return String(n)
        case .string(let s):
            return JSXEscaper.jsString(s)
        case .classes(let list):
            state.note(list)
            return JSXEscaper.jsString(list.text)
        case .not(let inner):
            return "!" + operand(inner, &state)
        case .equals(let a, let b):
            return operand(a, &state) + " === " + operand(b, &state)
        case .conditional(let c, let a, let b):
            // `===` binds tighter than `?:`, so a comparison needs no parentheses as the condition.
            let condition: String
            if case .equals = c { condition = expression(c, &state) } else { condition = operand(c, &state) }
            return condition + " ? " + operand(a, &state) + " : " + operand(b, &state)
        case .cycle(let id, let step, let count):
            let n = max(count, 1)
            let forward = ((step % n) + n) % n
            return "(\(id.name) + \(forward)) % \(n)"
        case .show(let condition, let el):
            // Only reached when a template puts a conditional element inside an attribute.
            let body = element(el, indent: 0, &state).map { $0.trimmingLeadingSpaces() }.joined(separator: " ")
            return operand(condition, &state) + " && (" + body + ")"
        case .handler(let h):
            return handler(h, &state)
        }
    }

    /// Wraps compound expressions in parentheses where they are operands.
    private func operand(_ expr: JSExpr, _ state: inout State) -> String {
        switch expr {
        case .equals, .conditional, .show, .handler:
            return "(" + expression(expr, &state) + ")"
        default:
            return expression(expr, &state)
        }
    }

    private func handler(_ h: JSHandler, _ state: inout State) -> String {
        switch h {
        case .set(let setter, let value):
            return "() => \(setter.name)(\(expression(value, &state)))"
        case .preventDefault:
            return "(event) => event.preventDefault()"
        case .closeOnEscape(let setter):
            return "(event) => event.key === \"Escape\" && \(setter.name)(false)"
        }
    }
}

private extension String {
    func trimmingLeadingSpaces() -> String { String(drop { $0 == " " }) }
}
