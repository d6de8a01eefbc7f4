/// The typed JSX tree the templates build. Every piece of text from speech enters it as
/// `.text` or an attribute `.string` and is escaped by `JSXPrinter`; tags, attribute names and
/// identifiers come from closed sets or are validated, so the printed module is valid by
/// construction and nothing said in a meeting can become markup or code.
public indirect enum JSXNode: Sendable, Hashable {
    case element(JSXElement)
    /// Text shown to the user; escaped for JSX text when printed.
    case text(String)
    /// A `{...}` child from the closed set of expressions.
    case expression(JSExpr)
}

/// HTML elements the templates use. A closed set: no tag name ever comes from input.
public enum JSXTag: String, Sendable, Hashable, CaseIterable {
    case a, article, aside, button, caption, div, footer, form, h1, h2, h3, h4, header, img, input, label, li
    case main, nav, ol, option, p, section, select, span, strong, table, tbody, td, textarea, th, thead, tr, ul

    /// Void elements are always printed self-closing.
    var isVoid: Bool { self == .input || self == .img }
}

/// An attribute name such as `className`, `aria-label` or `onClick`, checked when written.
public struct JSXAttributeName: Sendable, Hashable, ExpressibleByStringLiteral {
    public let rawValue: String

    /// Names are literals in the templates, so a bad one is a programmer error.
    public init(stringLiteral value: String) {
        precondition(Self.isValid(value), "invalid JSX attribute name \(value)")
        rawValue = value
    }

    static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0)
            || ("0"..."9").contains($0) || $0 == "-" }
    }
}

/// An attribute value.
public enum JSXAttributeValue: Sendable, Hashable {
    /// A quoted string; escaped when printed.
    case string(String)
    /// `className="..."`; the classes are also listed in the response's `tailwind`.
    case classes(ClassList)
    /// `name={...}`.
    case expression(JSExpr)
    /// A bare boolean attribute: `required`.
    case present
}

public struct JSXAttribute: Sendable, Hashable {
    public var name: JSXAttributeName
    public var value: JSXAttributeValue

    public init(_ name: JSXAttributeName, _ value: JSXAttributeValue) {
        self.name = name
        self.value = value
    }
}

/// One element with its attributes (printed in the order given) and children.
public struct JSXElement: Sendable, Hashable {
    public var tag: JSXTag
    public var attributes: [JSXAttribute]
    public var children: [JSXNode]

    public init(_ tag: JSXTag, _ attributes: [JSXAttribute] = [], _ children: [JSXNode] = []) {
        self.tag = tag
        self.attributes = attributes
        self.children = children
    }
}

/// A space-separated set of Tailwind classes, kept in the order they were added, without repeats.
public struct ClassList: Sendable, Hashable, ExpressibleByArrayLiteral {
    public private(set) var classes: [String] = []

    public init(_ classes: [String]) {
        for c in classes { add(c) }
    }

    public init(arrayLiteral elements: String...) {
        self.init(elements)
    }

    /// Adds every whitespace-separated class of `items`; empty strings are ignored, so
    /// templates can write `flag ? "x" : ""`.
    public mutating func add(_ items: String...) {
        for item in items {
            for c in item.split(separator: " ") where !classes.contains(String(c)) {
                classes.append(String(c))
            }
        }
    }

    public var text: String { classes.joined(separator: " ") }
}

/// The closed set of JavaScript expressions a template may use.
public indirect enum JSExpr: Sendable, Hashable {
    case identifier(JSIdentifier)
    case bool(Bool)
    case number(Int)
    /// A JS string literal; escaped when printed.
    case string(String)
    case classes(ClassList)
    case not(JSExpr)
    /// `a === b`
    case equals(JSExpr, JSExpr)
    /// `a ? b : c`
    case conditional(JSExpr, JSExpr, JSExpr)
    /// `cond && (<element />)`: conditional rendering.
    case show(JSExpr, JSXElement)
    /// `(index + step) % count`, with step folded into 0..<count so it never goes negative.
    case cycle(JSIdentifier, step: Int, count: Int)
    /// An event handler.
    case handler(JSHandler)
}

/// Event handlers the templates attach: they only ever call a state setter or stop a submit.
public enum JSHandler: Sendable, Hashable {
    /// `() => setter(value)`
    case set(JSIdentifier, JSExpr)
    /// `(event) => event.preventDefault()`
    case preventDefault
    /// `(event) => event.key === "Escape" && setter(false)`
    case closeOnEscape(JSIdentifier)
}

/// `const [value, setValue] = useState(initial);`
public struct StateHook: Sendable, Hashable {
    public var value: JSIdentifier
    public var setter: JSIdentifier
    public var initial: JSExpr

    public init(_ value: JSIdentifier, initial: JSExpr) {
        self.value = value
        self.setter = value.setterName
        self.initial = initial
    }
}

/// A whole generated file: one function component with a named and a default export.
public struct JSXModule: Sendable, Hashable {
    public var name: JSIdentifier
    public var states: [StateHook]
    /// `if (!flag) return null;` before the markup: a dismissed alert renders nothing.
    public var renderOnlyIf: JSIdentifier?
    public var body: JSXElement

    public init(name: JSIdentifier, states: [StateHook] = [], renderOnlyIf: JSIdentifier? = nil, body: JSXElement) {
        self.name = name
        self.states = states
        self.renderOnlyIf = renderOnlyIf
        self.body = body
    }
}

// Short constructors so templates read like the markup they produce.
extension JSXNode {
    static func el(_ tag: JSXTag, _ attributes: [JSXAttribute] = [], _ children: [JSXNode] = []) -> JSXNode {
        .element(JSXElement(tag, attributes, children))
    }
}

extension JSXAttribute {
    static func cls(_ list: ClassList) -> JSXAttribute { JSXAttribute("className", .classes(list)) }
    static func str(_ name: JSXAttributeName, _ value: String) -> JSXAttribute { JSXAttribute(name, .string(value)) }
    static func expr(_ name: JSXAttributeName, _ value: JSExpr) -> JSXAttribute { JSXAttribute(name, .expression(value)) }
    static var ariaHidden: JSXAttribute { .str("aria-hidden", "true") }
}
