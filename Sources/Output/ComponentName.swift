import Foundation

/// Turns whatever a spec or a speaker called a component into a name that is safe both as a
/// file name and as a JavaScript identifier: ASCII PascalCase, no leading digit, not a reserved
/// word or a global a component would shadow, at most `maxLength` characters.
public enum ComponentName {
    public static let maxLength = 64
    public static let fallback = "Component"

    /// Reserved words and globals, lowercased: "class" would become `Class`, which JavaScript
    /// accepts, but a component called `Object` or `Map` shadows the global inside its own file.
    static let reserved: Set<String> = [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
        "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
        "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof",
        "var", "void", "while", "with", "yield", "let", "static", "await", "implements", "package",
        "protected", "interface", "private", "public", "arguments", "eval", "undefined", "nan", "infinity",
        "object", "array", "string", "number", "boolean", "symbol", "bigint", "promise", "map", "set",
        "date", "math", "json", "error", "regexp", "proxy", "reflect", "react", "fragment", "window",
        "document", "console", "globalthis", "index",
    ]

    /// The safe PascalCase form of `raw`; never empty.
    public static func sanitise(_ raw: String) -> String {
        // "Café" -> "Cafe"; anything still outside ASCII letters and digits separates words.
        let folded = raw.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }

        // Capitalise each word but keep its inner case, so "payButton" and "API key" survive.
        var name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        name = String(name.drop(while: { $0.isNumber }))
        name = name.prefix(1).uppercased() + name.dropFirst()
        if name.isEmpty { return fallback }
        if reserved.contains(name.lowercased()) { name += fallback }
        return String(name.prefix(maxLength))
    }

    /// `base` with the smallest numeric suffix (2, 3, ...) that `isTaken` rejects, still within
    /// `maxLength`.
    static func unique(_ base: String, isTaken: (String) -> Bool) -> String {
        if !isTaken(base) { return base }
        var n = 2
        while true {
            let suffix = String(n)
            let candidate = String(base.prefix(maxLength - suffix.count)) + suffix
            if !isTaken(candidate) { return candidate }
            n += 1
        }
    }

    /// `jsx` with the component it exports by default declared as `name` instead: the folder
    /// may call a second "PayButton" `PayButton2`, and its file, its function, its default
    /// export and the manifest must then all say so. Only declarations and the default export
    /// change (`function X`, `const X`, `export default X`, `X.displayName`), never text.
    public static func renamingDefaultExport(in jsx: String, to name: String) -> String {
        guard let old = defaultExport(in: jsx), old != name else { return jsx }
        let from = NSRegularExpression.escapedPattern(for: old)
        let to = NSRegularExpression.escapedTemplate(for: name)
        var text = jsx
        for (pattern, template) in [
            ("\\b(function|class|const|let|var)(\\s+)\(from)\\b", "$1$2\(to)"),
            ("\\b(export\\s+default\\s+)\(from)\\b", "$1\(to)"),
            ("(?m)^\(from)\\.", "\(to)."),
        ] {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            text = regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                                  withTemplate: template)
        }
        return text
    }

    /// The identifier `export default` names, directly or as `export default function X`.
    static func defaultExport(in jsx: String) -> String? {
        let pattern = "\\bexport\\s+default\\s+(?:function\\s+|class\\s+)?([A-Za-z_$][A-Za-z0-9_$]*)"
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        let matches = regex.matches(in: jsx, range: NSRange(jsx.startIndex..., in: jsx))
        guard let last = matches.last, let range = Range(last.range(at: 1), in: jsx) else { return nil }
        let name = String(jsx[range])
        return reserved.contains(name.lowercased()) ? nil : name
    }
}
