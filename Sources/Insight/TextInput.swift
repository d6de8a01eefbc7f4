import Foundation

/// One input record for the insight commands: a plain text line, or a JSON Lines object
/// with `text` (or `body`/`selftext`/`caption`) and optional `id`, `subreddit`, `hashtag`.
public struct TextRecord: Sendable, Hashable {
    public var line: Int
    public var text: String
    public var id: String?
    /// Where it was posted (subreddit or hashtag), used as a prior by the classifier.
    public var community: String?

    public init(line: Int, text: String, id: String? = nil, community: String? = nil) {
        self.line = line
        self.text = text
        self.id = id
        self.community = community
    }
}

/// Reads the inputs of `mockpilot sentiment|classify|embed`: a file, or stdin for `-`.
public enum TextInput {
    /// Records from `path` ("-" is stdin); blank lines are skipped. A line that starts with `{`
    /// must be a JSON object with a text field, otherwise the error names the line.
    public static func read(path: String) throws -> [TextRecord] {
        let source = path == "-" ? "stdin" : path
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let d = FileManager.default.contents(atPath: path) else {
                throw InsightError.missingFile(path: path, hint: "give a text or JSON Lines file, or - for stdin")
            }
            data = d
        }
        // A binary file is one clear error on the line it shows, not a screenful of garbage records.
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if let bad = lines.firstIndex(where: { $0.contains(0) }) {
            throw InsightError.badInput(source: source, line: bad - lines.startIndex + 1, reason: "a binary file (NUL bytes), not text")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let bad = lines.firstIndex { String(data: Data($0), encoding: .utf8) == nil } ?? lines.startIndex
            throw InsightError.badInput(source: source, line: bad - lines.startIndex + 1, reason: "not UTF-8 text")
        }
        return try parse(text, source: source)
    }

    public static func parse(_ text: String, source: String) throws -> [TextRecord] {
        var records: [TextRecord] = []
        var number = 0
        for raw in lines(text) {
            number += 1
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if line.first == "{" {
                records.append(try record(json: line, number: number, source: source))
            } else {
                records.append(TextRecord(line: number, text: line))
            }
        }
        return records
    }

    /// The lines of `text`, ended by LF or CRLF. Swift reads "\r\n" as one Character, so a split
    /// on "\n" alone would leave a Windows file as a single line.
    public static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }

    private static func record(json line: String, number: Int, source: String) throws -> TextRecord {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw InsightError.badInput(source: source, line: number, reason: "starts with '{' but is not a JSON object")
        }
        let candidates = ["text", "body", "selftext", "caption"]
        guard let text = candidates.lazy.compactMap({ object[$0] as? String }).first else {
            throw InsightError.badInput(source: source, line: number, reason: "JSON object has no string \"text\" field")
        }
        let id = (object["post_id"] as? String) ?? (object["id"] as? String) ?? (object["id"] as? Int).map(String.init)
        let community = (object["subreddit"] as? String).map { "r/" + $0 } ?? (object["hashtag"] as? String).map { "#" + $0 }
        return TextRecord(line: number, text: text, id: id, community: community)
    }
}

/// A JSON object written with its keys in a chosen order (the commands' documented shapes).
public struct OrderedJSON {
    private var parts: [String] = []

    public init() {}

    public mutating func add(_ key: String, _ value: String) { parts.append("\(Self.quote(key)):\(Self.quote(value))") }
    public mutating func add(_ key: String, _ value: Double) { parts.append("\(Self.quote(key)):\(Self.number(value))") }
    public mutating func add(_ key: String, _ value: Int) { parts.append("\(Self.quote(key)):\(value)") }
    public mutating func add(_ key: String, raw json: String) { parts.append("\(Self.quote(key)):\(json)") }

    public var line: String { "{" + parts.joined(separator: ",") + "}" }

    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 1e15 { return String(format: "%.1f", x) }
        return "\(x)"
    }

    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
