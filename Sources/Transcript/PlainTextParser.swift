import Core
import Foundation

/// One utterance per line, optionally "Speaker: text". Times are estimated from speaking pace
/// (2.5 words per second, 1 s between lines) so silence-based triggering still works.
struct PlainTextParser: Sendable {
    let file: String
    private var clock = 0.0

    init(file: String) {
        self.file = file
    }

    mutating func parse(_ line: RawLine) -> [TranscriptItem] {
        var out: [TranscriptItem] = []
        if line.cut { out.append(notice(line.number, "line longer than \(LineReader.maxLineBytes) bytes; the rest is cut")) }
        guard let raw = line.text else { return out + [warning(line.number, "not valid UTF-8; line skipped")] }
        let trimmed = raw.trimmingSpaces
        if trimmed.isEmpty { return out }
        let (speaker, said) = SpeakerLabel.split(trimmed)
        let (text, cut) = TranscriptLimits.bounded(said, file: file, line: line.number)
        if let cut { out.append(cut) }
        let words = text.split(separator: " ").count
        let duration = max(1.0, Double(words) / 2.5)
        let msg = TranscriptMsg(text: text, tsStart: clock, tsEnd: clock + duration, speaker: speaker)
        out.append(.utterance(Utterance(id: "u\(line.number)", msg: msg)))
        clock += duration + 1.0
        return out
    }

    private func warning(_ number: Int, _ reason: String) -> TranscriptItem {
        .warning(TranscriptWarning(file: file, line: number, reason: reason))
    }

    private func notice(_ number: Int, _ reason: String) -> TranscriptItem {
        .notice(TranscriptWarning(file: file, line: number, reason: reason))
    }
}
