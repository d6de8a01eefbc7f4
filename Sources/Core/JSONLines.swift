import Foundation

/// JSON Lines in and out, so stage commands compose with pipes.
public enum JSONLines {
    /// One compact line, keys sorted so output is stable across runs.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from line: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(line.utf8))
    }

    /// The lines of a text, numbered from 1, without their line breaks.
    public static func numberedLines(_ text: String) -> [(number: Int, text: String)] {
        var result: [(Int, String)] = []
        var n = 0
        text.enumerateLines { line, _ in
            n += 1
            result.append((n, line))
        }
        return result
    }
}
