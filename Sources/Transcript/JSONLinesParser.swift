import Core
import Foundation

/// TranscriptMsg JSON Lines, one line at a time. A line that is not a usable TranscriptMsg
/// (bad JSON, missing text, a time no meeting has) is skipped with its line number.
struct JSONLinesParser: Sendable {
    let file: String
    /// Where each id was first used, and what its line said (a hash: a long meeting keeps no copy).
    private var firstOfID: [String: (line: Int, digest: Int)] = [:]

    init(file: String) {
        self.file = file
    }

    mutating func parse(_ line: RawLine) -> [TranscriptItem] {
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
        var id = msg.id ?? "u\(line.number)"
        // An utterance is known by its id downstream, so another utterance under a used id would
        // vanish: both are kept, the later one under an id of its own. The same line again is a
        // redelivery and keeps its id (downstream ignores it).
        if let first = firstOfID[id], first.digest != msg.hashValue {
            var renamed = "\(id)-line\(line.number)"
            while firstOfID[renamed] != nil { renamed += "b" }
            out.append(warning(line.number, "id '\(id)' is also on line \(first.line); both kept, this one as '\(renamed)'"))
            id = renamed
            msg.id = renamed
        }
        if firstOfID[id] == nil { firstOfID[id] = (line.number, msg.hashValue) }
        out.append(.utterance(Utterance(id: id, msg: msg)))
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
