import Foundation
import Logging

/// A swift-log handler that writes one line per message to a `LogFile`:
/// `2026-12-06T10:53:05.123Z info mockpilot.serve: request method=GET path=/health status=200`.
/// Newlines in messages and values are escaped, so one message is always one line; what goes in
/// a line is the caller's choice (no tokens, keys or transcript text unless asked: see `MeetingLog`).
public struct FileLogHandler: LogHandler {
    public let label: String
    public let file: LogFile
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    public init(label: String, file: LogFile, level: Logger.Level = .info) {
        self.label = label
        self.file = file
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
        if let given = event.metadata { all.merge(given) { _, new in new } }
        var line = Date().formatted(Self.timestamp) + " \(event.level) \(label): " + Self.escaped("\(event.message)")
        for key in all.keys.sorted() {
            guard let value = all[key] else { continue }
            line += " \(key)=" + Self.quoted("\(value)")
        }
        file.append(line + "\n")
    }

    static let timestamp = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// Line breaks as `\n`, so a message cannot forge the next line.
    static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0.isNewline || $0 == "\\" }) else { return text }
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\r\n": out += "\\r\\n"
            default: out += character.isNewline ? " " : String(character)
            }
        }
        return out
    }

    /// A value with spaces or quotes in quotes, so `key=value` pairs stay readable by a machine.
    static func quoted(_ value: String) -> String {
        let text = escaped(value)
        guard text.isEmpty || text.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
