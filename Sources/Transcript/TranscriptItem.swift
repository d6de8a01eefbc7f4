import Core

/// What reading a transcript yields, in file order: an utterance, a line that was skipped, or
/// one that was kept but cut (each with its file and line), so the meeting shows it in place.
public enum TranscriptItem: Sendable, Hashable {
    case utterance(Utterance)
    /// A line that was skipped: the meeting counts it as a problem.
    case warning(TranscriptWarning)
    /// A line that was kept but cut to a sane length: worth saying, not a problem.
    case notice(TranscriptWarning)
}

/// Bounds on what one line of a transcript may hold: past them a line is cut or skipped with a
/// warning, so a damaged or hostile file cannot stall the replay or trap a later stage.
enum TranscriptLimits {
    /// A meeting is shorter than this (100 days); a time beyond it is damage, not speech.
    static let maxSeconds = 8_640_000.0
    /// About ten minutes of speech; an utterance past it is cut.
    static let maxUtteranceCharacters = 4_000

    /// nil when `seconds` can be a time in a meeting, else why not.
    static func problem(with seconds: Double, field: String) -> String? {
        guard seconds.isFinite else { return "\(field) is not a finite number" }
        guard seconds >= 0 else { return "\(field) \(seconds) is before the meeting started" }
        guard seconds <= maxSeconds else {
            return "\(field) \(seconds) is more than \(Int(maxSeconds)) seconds (100 days) into the meeting"
        }
        return nil
    }

    /// `text` cut to `maxUtteranceCharacters`, and the warning that says so.
    static func bounded(_ text: String, file: String, line: Int) -> (text: String, notice: TranscriptItem?) {
        // The byte count is free and bounds the character count, which has to walk the text.
        guard text.utf8.count > maxUtteranceCharacters, text.count > maxUtteranceCharacters else { return (text, nil) }
        let notice = TranscriptWarning(file: file, line: line,
                                       reason: "utterance longer than \(maxUtteranceCharacters) characters; the rest is cut")
        return (String(text.prefix(maxUtteranceCharacters)), .notice(notice))
    }
}
