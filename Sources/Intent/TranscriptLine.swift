import Core
import Foundation

/// One input line of `mockpilot extract`: TranscriptMsg JSON, or plain text.
public enum TranscriptLine {
    /// The utterance a line holds, or nil for a blank line. A line starting with "{" must be
    /// a TranscriptMsg; its `id` names the utterance, else "u<line number>".
    public static func utterance(from line: String, number: Int, file: String) throws -> Utterance? {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let fallback = "u\(number)"
        guard trimmed.hasPrefix("{") else {
            return Utterance(id: fallback, msg: TranscriptMsg(text: trimmed, tsStart: 0, tsEnd: 0))
        }
        do {
            let msg = try JSONLines.decode(TranscriptMsg.self, from: trimmed)
            let id = msg.id.flatMap { $0.isEmpty ? nil : $0 } ?? fallback
            return Utterance(id: id, msg: msg)
        } catch {
            throw TranscriptLineError(file: file, line: number)
        }
    }
}

/// A line that looked like JSON but was not a transcript message.
public struct TranscriptLineError: Error, LocalizedError, Equatable {
    public var file: String
    public var line: Int

    public var errorDescription: String? {
        "\(file):\(line): not a transcript line (expected {\"text\",\"ts_start\",\"ts_end\",...} or plain text); skipped"
    }
}
