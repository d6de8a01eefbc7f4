import Synchronization

/// The rolling transcript: time, speaker and text; partial lines dimmed until they are final.
/// Each speaker's name has its own colour for the whole meeting, and shows the name the meeting
/// gave them (renamed with `n`).
enum TranscriptPane {
    static func lines(_ model: MeetingViewModel, width: Int, cache: TranscriptRows? = nil) -> [StyledLine] {
        guard !model.lines.isEmpty else {
            var empty = StyledLine.wrap([Span("Waiting for speech…", .dim)], width: width)
            if let source = model.status?.source {
                empty += StyledLine.wrap([Span("Listening to " + source, .dim)], width: width)
            }
            return empty
        }
        if let cache { return cache.rows(model, width: width) }
        var result: [StyledLine] = []
        result.reserveCapacity(model.lines.count * 2)
        for line in model.lines {
            result += wrap(line, name: model.name(of: line.speaker), role: model.role(ofSpeaker: line.speaker), width: width)
        }
        return result
    }

    /// A line's rows; the first one selects the line (`n` renames the speaker of the line it finds).
    static func wrap(_ line: MeetingViewModel.Line, name: String?, role: Role, width: Int) -> [StyledLine] {
        var spans = [Span(TimeText.clock(line.start) + " ", .time)]
        if let name, !name.isEmpty {
            spans.append(Span(name + ": ", role))
        }
        spans.append(Span(line.isFinal ? line.text : line.text + " …", line.isFinal ? .text : .partial))
        var rows = StyledLine.wrap(spans, width: width, indent: 6)
        if !rows.isEmpty { rows[0].target = .line(line.id) }
        return rows
    }
}

/// Transcript lines as wrapped for the pane, kept between frames: a line is wrapped again only
/// when it changes or the pane's width does. Wrapping measures every character, and a two-hour
/// meeting's 2,000 lines would otherwise cost every frame tens of milliseconds.
final class TranscriptRows: Sendable {
    private struct Entry {
        var line: MeetingViewModel.Line
        var name: String?
        var role: Role
        var width: Int
        var rows: [StyledLine]
    }

    /// By line id. Drawn from the screen's thread only; the lock keeps copies of `Screen` honest.
    private let entries = Mutex<[String: Entry]>([:])

    /// How many lines are kept wrapped.
    var count: Int { entries.withLock { $0.count } }

    func rows(_ model: MeetingViewModel, width: Int) -> [StyledLine] {
        let lines = model.lines
        return entries.withLock { cache in
            var result: [StyledLine] = []
            result.reserveCapacity(lines.count * 2)
            for line in lines {
                // A rename changes the name on every line of that speaker, so it is part of the key.
                let name = model.name(of: line.speaker), role = model.role(ofSpeaker: line.speaker)
                if let entry = cache[line.id], entry.width == width, entry.line == line, entry.name == name, entry.role == role {
                    result += entry.rows
                } else {
                    let rows = TranscriptPane.wrap(line, name: name, role: role, width: width)
                    cache[line.id] = Entry(line: line, name: name, role: role, width: width, rows: rows)
                    result += rows
                }
            }
            // Lines the model let go of (it keeps the newest 2,000) are let go here too.
            if cache.count > 2 * lines.count + 64 {
                let kept = Set(lines.map(\.id))
                cache = cache.filter { kept.contains($0.key) }
            }
            return result
        }
    }
}
