import Core
import Foundation

/// A meeting transcript read whole: Zoom/Meet/Teams WebVTT, SRT, TranscriptMsg JSON Lines or
/// plain text. A meeting replays through `TranscriptStream` instead, which reads as it goes.
public struct TranscriptFile: Sendable {
    public enum Format: String, Sendable { case webVTT = "vtt", srt, jsonLines = "jsonl", plainText = "text" }

    public var format: Format
    /// Final utterances in meeting order, each with an id ("u<line>" unless the source had one).
    public var utterances: [Utterance]
    /// Lines skipped, and lines kept but cut, in file order.
    public var warnings: [TranscriptWarning]

    /// Reads `path` ("-" for standard input).
    public static func read(path: String) throws -> TranscriptFile {
        var stream = try TranscriptStream.open(path: path)
        return try collect(&stream)
    }

    public static func parse(_ text: String, file: String) throws -> TranscriptFile {
        var stream = TranscriptStream(text: text, file: file)
        return try collect(&stream)
    }

    private static func collect(_ stream: inout TranscriptStream) throws -> TranscriptFile {
        try stream.requireUtterance()
        var result = TranscriptFile(format: stream.format, utterances: [], warnings: [])
        while let item = try stream.next() {
            switch item {
            case .utterance(let u): result.utterances.append(u)
            case .warning(let w), .notice(let w): result.warnings.append(w)
            }
        }
        result.format = stream.format
        return result
    }
}

/// "Ana: let's build..." -> ("Ana", "let's build..."); only short, name-like prefixes count.
enum SpeakerLabel {
    static func split(_ line: String) -> (speaker: String?, text: String) {
        guard let colon = line.firstIndex(of: ":") else { return (nil, line) }
        let name = line[..<colon].trimmingSpaces
        let rest = line[line.index(after: colon)...].trimmingSpaces
        let words = name.split(separator: " ")
        let nameLike = !name.isEmpty && words.count <= 3 && name.count <= 32 && !rest.isEmpty
            && words.allSatisfy { $0.first?.isUppercase == true || $0.first?.isNumber == true }
        return nameLike ? (name, rest) : (nil, line)
    }
}
