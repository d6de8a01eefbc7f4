import Core
import Foundation

/// TranscriptMsg JSON Lines, one line at a time. A line that is not a usable TranscriptMsg
/// (bad JSON, missing text, a time no meeting has) is skipped with its line number.
struct JSONLinesParser: Sendable {
    let file: String

    func parse(_ line: RawLine) -> [TranscriptItem] {
        guard let text = line.text else { return [warning(line.number, "not valid UTF-8; line skipped")] }
        // Half a JSON object is not worth guessing at.
        guard !line.cut else { return [warning(line.number, "line longer than \(LineReader.maxLineBytes) bytes; skipped")] }
        if text.trimmingSpaces.isEmpty { return [] }
        var msg: TranscriptMsg
        do {
            msg = try JSONLines.decode(TranscriptMsg.self, from: text)
        } catch {
            return [warning(line.number, Self.describe(error))]
        }
        if let problem = TranscriptLimits.problem(with: msg.tsStart, field: "ts_start")
            ?? TranscriptLimits.problem(with: msg.tsEnd, field: "ts_end") {
            return [warning(line.number, problem + "; line skipped")]
        }
        if msg.text.trimmingSpaces.isEmpty { return [] }
        var out: [TranscriptItem] = []
        let (bounded, cut) = TranscriptLimits.bounded(msg.text, file: file, line: line.number)
        if let cut { out.append(cut) }
        msg.text = bounded
        out.append(.utterance(Utterance(id: msg.id ?? "u\(line.number)", msg: msg)))
        return out
    }

    private func warning(_ number: Int, _ reason: String) -> TranscriptItem {
        .warning(TranscriptWarning(file: file, line: number, reason: reason))
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
