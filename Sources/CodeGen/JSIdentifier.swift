import Foundation

/// A JavaScript identifier that is known to be valid: ASCII letters, digits, `_` and `$`,
/// not starting with a digit, and not a reserved word.
public struct JSIdentifier: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let name: String

    /// nil when `name` is not a usable identifier.
    public init?(validating name: String) {
        guard Self.isValid(name) else { return nil }
        self.name = name
    }

    /// Identifiers written in the templates; a bad one is a programmer error.
    public init(stringLiteral value: String) {
        precondition(Self.isValid(value), "invalid identifier \(value)")
        name = value
    }

    public var description: String { name }

    /// `open` -> `setOpen`, the React convention for a state setter.
    var setterName: JSIdentifier {
        JSIdentifier(unchecked: "set" + name.prefix(1).uppercased() + name.dropFirst())
    }

    private init(unchecked: String) { name = unchecked }

    public static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "$"
        }
        return allowed && !reserved.contains(name)
    }

    /// ECMAScript reserved words, strict-mode words and the globals a component must not shadow.
    static let reserved: Set<String> = [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
        "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof",
        "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void",
        "while", "with", "yield", "let", "static", "implements", "interface", "package", "private",
        "protected", "public", "await", "async", "arguments", "eval", "undefined", "NaN", "Infinity",
        "Object", "Array", "String", "Number", "Boolean", "Symbol", "Function", "Error", "Date", "Math",
        "JSON", "Promise", "Map", "Set", "React", "Fragment",
    ]
}
