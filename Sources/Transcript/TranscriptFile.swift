import Core
import Foundation

/// A meeting transcript read from a file: Zoom/Meet/Teams WebVTT, SRT, TranscriptMsg JSON Lines or plain text.
public struct TranscriptFile: Sendable {
    public enum Format: String, Sendable { case webVTT = "vtt", srt, jsonLines = "jsonl", plainText = "text" }

    public var format: Format
    /// Final utterances in meeting order, each with an id ("u<line>" unless the source had one).
    public var utterances: [Utterance]
    public var warnings: [TranscriptWarning]

    /// Reads `path` ("-" for standard input).
    public static func read(path: String) throws -> TranscriptFile {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard FileManager.default.fileExists(atPath: path) else {
                throw TranscriptError.unreadable(file: path, reason: "no such file")
            }
            guard let d = FileManager.default.contents(atPath: path) else {
                throw TranscriptError.unreadable(file: path, reason: "cannot be read (permissions?)")
            }
            data = d
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TranscriptError.unreadable(file: path, reason: "not UTF-8 text")
        }
        return try parse(text, file: path == "-" ? "<stdin>" : path)
    }

    public static func parse(_ text: String, file: String) throws -> TranscriptFile {
        let lines = JSONLines.numberedLines(text.replacingOccurrences(of: "\r\n", with: "\n"))
        let format = detect(lines)
        var result: TranscriptFile
        switch format {
        case .webVTT, .srt: result = CueParser(file: file, format: format).parse(lines)
        case .jsonLines: result = parseJSONLines(lines, file: file)
        case .plainText: result = parsePlainText(lines, file: file)
        }
        if result.utterances.isEmpty {
            if let first = result.warnings.first { throw TranscriptError.unreadable(file: file, reason: "line \(first.line): \(first.reason)") }
            throw TranscriptError.empty(file: file)
        }
        return result
    }

    static func detect(_ lines: [(number: Int, text: String)]) -> Format {
        let content = lines.map { $0.text.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let first = content.first else { return .plainText }
        if first.hasPrefix("WEBVTT") || first.hasPrefix("\u{FEFF}WEBVTT") { return .webVTT }
        if first.hasPrefix("{") { return .jsonLines }
        if content.prefix(3).contains(where: { $0.contains("-->") }) { return .srt }
        return .plainText
    }

    static func parseJSONLines(_ lines: [(number: Int, text: String)], file: String) -> TranscriptFile {
        var result = TranscriptFile(format: .jsonLines, utterances: [], warnings: [])
        var firstOfID: [String: (line: Int, msg: TranscriptMsg)] = [:]
        for (number, line) in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                var msg = try JSONLines.decode(TranscriptMsg.self, from: line)
                if msg.text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                var id = msg.id ?? "u\(number)"
                // An utterance is known by its id downstream, so another utterance under a used
                // id would vanish: both are kept, the later one under an id of its own. The same
                // line again is a redelivery and keeps its id (downstream ignores it).
                if let first = firstOfID[id], first.msg != msg {
                    var renamed = "\(id)-line\(number)"
                    while firstOfID[renamed] != nil { renamed += "b" }
                    result.warnings.append(TranscriptWarning(
                        file: file, line: number, reason: "id '\(id)' is also on line \(first.line); both kept, this one as '\(renamed)'"))
                    id = renamed
                    msg.id = renamed
                }
                if firstOfID[id] == nil { firstOfID[id] = (number, msg) }
                result.utterances.append(Utterance(id: id, msg: msg))
            } catch {
                result.warnings.append(TranscriptWarning(file: file, line: number, reason: describe(error)))
            }
        }
        return result
    }

    /// One utterance per line, optionally "Speaker: text". Times are estimated from speaking pace
    /// (2.5 words per second, 1 s between lines) so silence-based triggering still works.
    static func parsePlainText(_ lines: [(number: Int, text: String)], file: String) -> TranscriptFile {
        var result = TranscriptFile(format: .plainText, utterances: [], warnings: [])
        var clock = 0.0
        for (number, raw) in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let (speaker, text) = SpeakerLabel.split(line)
            let words = text.split(separator: " ").count
            let duration = max(1.0, Double(words) / 2.5)
            let msg = TranscriptMsg(text: text, tsStart: clock, tsEnd: clock + duration, speaker: speaker)
            result.utterances.append(Utterance(id: "u\(number)", msg: msg))
            clock += duration + 1.0
        }
        return result
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing field '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let ctx): "wrong type for '\(ctx.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted: "not valid JSON"
        default: "not a transcript line"
        }
    }
}

/// "Ana: let's build..." -> ("Ana", "let's build..."); only short, name-like prefixes count.
enum SpeakerLabel {
    static func split(_ line: String) -> (speaker: String?, text: String) {
        guard let colon = line.firstIndex(of: ":") else { return (nil, line) }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        let rest = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let words = name.split(separator: " ")
        let nameLike = !name.isEmpty && words.count <= 3 && name.count <= 32 && !rest.isEmpty
            && words.allSatisfy { $0.first?.isUppercase == true || $0.first?.isNumber == true }
        return nameLike ? (name, rest) : (nil, line)
    }
}
