/// The part of TOML a settings file needs: `[section]`, `key = value` with strings, numbers,
/// booleans and one-line arrays, and `#` comments. Anything else is an error naming the line,
/// which a full TOML library would not give us as plainly.
struct TOMLReader {
    /// Arrays nest at most this deep; no setting needs more than one level, and the bound keeps
    /// a file (or a MOCKPILOT_* variable) of a hundred thousand "[" from overflowing the stack.
    static let maxDepth = 16

    enum Value: Equatable {
        case string(String)
        case integer(Int)
        case float(Double)
        case bool(Bool)
        case array([Value])
    }

    struct Entry: Equatable {
        var key: String       // "section.key"
        var value: Value
        var line: Int
    }

    let file: String

    func read(_ text: String) throws -> [Entry] {
        var entries: [Entry] = []
        var section = ""
        var number = 0
        // "\r\n" is one Character in Swift, so a Windows file has to be split on it explicitly.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            var scanner = Scanner(text: Array(String(raw)), file: file, line: number)
            scanner.skipSpace()
            if scanner.atEndOrComment { continue }
            if scanner.peek == "[" {
                scanner.advance()
                let name = try scanner.bareKey(allowDots: true)
                try scanner.expect("]")
                try scanner.expectEnd()
                section = name
                continue
            }
            let key = try scanner.bareKey(allowDots: false)
            scanner.skipSpace()
            try scanner.expect("=")
            scanner.skipSpace()
            let value = try scanner.value()
            try scanner.expectEnd()
            let full = section.isEmpty ? key : section + "." + key
            if entries.contains(where: { $0.key == full }) {
                throw ConfigError.syntax(file: file, line: number, reason: "'\(full)' is set twice")
            }
            entries.append(Entry(key: full, value: value, line: number))
        }
        return entries
    }

    private struct Scanner {
        let text: [Character]
        let file: String
        let line: Int
        var i = 0

        init(text: [Character], file: String, line: Int) {
            self.text = text
            self.file = file
            self.line = line
        }

        var peek: Character? { i < text.count ? text[i] : nil }
        var atEndOrComment: Bool { peek == nil || peek == "#" || peek == "\r" }
        mutating func advance() { i += 1 }
        mutating func skipSpace() { while peek == " " || peek == "\t" { i += 1 } }

        func fail(_ reason: String) -> ConfigError { .syntax(file: file, line: line, reason: reason) }

        mutating func expect(_ c: Character) throws {
            skipSpace()
            guard peek == c else { throw fail("expected '\(c)'") }
            advance()
        }

        mutating func expectEnd() throws {
            skipSpace()
            guard atEndOrComment else { throw fail("unexpected text after the value") }
        }

        mutating func bareKey(allowDots: Bool) throws -> String {
            skipSpace()
            var key = ""
            while let c = peek, c.isLetter || c.isNumber || c == "_" || c == "-" || (allowDots && c == ".") {
                key.append(c)
                advance()
            }
            guard !key.isEmpty else { throw fail("expected a setting name") }
            return key
        }

        mutating func value(depth: Int = 1) throws -> Value {
            guard let c = peek else { throw fail("missing value") }
            switch c {
            case "\"": return .string(try basicString())
            case "'": return .string(try literalString())
            case "[":
                guard depth <= TOMLReader.maxDepth else {
                    throw fail("arrays nested more than \(TOMLReader.maxDepth) deep")
                }
                advance()
                var items: [Value] = []
                while true {
                    skipSpace()
                    if peek == "]" { advance(); return .array(items) }
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    if peek == "," { advance(); continue }
                    if peek == "]" { advance(); return .array(items) }
                    throw fail("expected ',' or ']' in array (arrays must be on one line)")
                }
            default:
                var word = ""
                while let c = peek, !(c == " " || c == "\t" || c == "," || c == "]" || c == "#" || c == "\r") {
                    word.append(c)
                    advance()
                }
                if word == "true" { return .bool(true) }
                if word == "false" { return .bool(false) }
                let digits = word.replacingOccurrences(of: "_", with: "")
                if let n = Int(digits) { return .integer(n) }
                if let d = Double(digits), d.isFinite { return .float(d) }
                throw fail("'\(word)' is not a value (strings need quotes)")
            }
        }

        mutating func basicString() throws -> String {
            advance()
            var s = ""
            while let c = peek {
                advance()
                if c == "\"" { return s }
                if c == "\\" {
                    guard let e = peek else { break }
                    advance()
                    switch e {
                    case "n": s.append("\n")
                    case "t": s.append("\t")
                    case "\"": s.append("\"")
                    case "\\": s.append("\\")
                    default: throw fail("unknown escape '\\\(e)'")
                    }
                } else {
                    s.append(c)
                }
            }
            throw fail("unterminated string")
        }

        mutating func literalString() throws -> String {
            advance()
            var s = ""
            while let c = peek {
                advance()
                if c == "'" { return s }
                s.append(c)
            }
            throw fail("unterminated string")
        }
    }
}
