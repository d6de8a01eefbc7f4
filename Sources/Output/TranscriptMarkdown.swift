import Core
import Foundation

/// A session's transcript as Markdown: who spoke, then one paragraph per utterance, speaker and
/// meeting time first, the words escaped so nothing anyone said turns into markup. Speakers are
/// under the names the meeting gave them (the store hands utterances over with those names).
enum TranscriptMarkdown {
    static let fileName = "transcript.md"

    static func render(_ utterances: [Utterance]) -> String {
        var text = "# Transcript\n"
        let ordered = utterances.sorted { ($0.msg.tsStart, $0.id) < ($1.msg.tsStart, $1.id) }
        if ordered.isEmpty { text += "\n_No utterances were kept for this session._\n" }
        var speakers: [String] = [], seen: Set<String> = []
        for name in ordered.compactMap(\.msg.speaker) where seen.insert(name).inserted { speakers.append(name) }
        if !speakers.isEmpty { text += "\nSpeakers: " + speakers.map(escape).joined(separator: ", ") + "\n" }
        for utterance in ordered {
            let speaker = escape(utterance.msg.speaker ?? "Unknown speaker")
            let partial = utterance.isFinal ? "" : " _(partial)_"
            text += "\n**\(speaker)** (\(clock(utterance.msg.tsStart))): \(escape(utterance.msg.text))\(partial)\n"
        }
        return text
    }

    /// Meeting time as `m:ss` or `h:mm:ss`.
    static func clock(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.rounded(.down)))
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        let ss = s < 10 ? "0\(s)" : "\(s)"
        if h > 0 { return "\(h):\(m < 10 ? "0\(m)" : "\(m)"):\(ss)" }
        return "\(m):\(ss)"
    }

    /// Backslash-escapes Markdown's punctuation and folds line breaks, so a line stays a line.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "{", "}", "~":
                out.append("\\")
                out.append(character)
            case "\n", "\r", "\r\n":
                out.append(" ")
            default:
                out.append(character)
            }
        }
        return out
    }
}
