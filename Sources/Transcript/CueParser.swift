import Core
import Foundation

/// WebVTT and SRT cues: "00:01:02.500 --> 00:01:05.000" then text lines until a blank line.
/// Speakers come from `<v Name>` voice tags (Teams, Meet) or a "Name: " prefix (Zoom).
/// Fed one line at a time, so a long meeting is never held whole in memory.
struct CueParser: Sendable {
    let file: String
    let format: TranscriptFile.Format

    private struct Cue: Sendable {
        var number: Int
        var start: Double
        var end: Double
        var raw: String
        var rawBytes: Int
        var cut: Bool
    }

    /// Before the first blank line of a WebVTT file (the WEBVTT header block).
    private var inHeader: Bool
    /// Inside a block that carries no speech (NOTE, STYLE, REGION) or that was already reported.
    private var skipping = false
    /// A line that may be a cue identifier, waiting for the timing line after it.
    private var pending: Int?
    private var cue: Cue?

    init(file: String, format: TranscriptFile.Format) {
        self.file = file
        self.format = format
        inHeader = format == .webVTT
    }

    mutating func feed(_ line: RawLine) -> [TranscriptItem] {
        var out: [TranscriptItem] = []
        if line.cut { out.append(notice(line.number, "line longer than \(LineReader.maxLineBytes) bytes; the rest is cut")) }
        guard let text = line.text else {
            out.append(warning(line.number, "not valid UTF-8; line skipped"))
            // A cue keeps its other lines; a block that has not become a cue yet is dropped.
            if cue == nil && !inHeader {
                pending = nil
                skipping = true
            }
            return out
        }
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty {
            out += finishBlock()
            inHeader = false
            skipping = false
            return out
        }
        if inHeader || skipping { return out }
        if cue != nil {
            appendText(trimmed, number: line.number, to: &out)
            return out
        }
        // NOTE, STYLE and REGION blocks carry no speech.
        if format == .webVTT && pending == nil && (trimmed.hasPrefix("NOTE") || trimmed == "STYLE" || trimmed == "REGION") {
            skipping = true
            return out
        }
        if trimmed.contains("-->") {
            pending = nil
            startCue(text, number: line.number, into: &out)
            return out
        }
        if let identifier = pending {
            // Two lines and no timing: the cue's timing line should have been the first.
            out.append(expectedTiming(identifier))
            pending = nil
            skipping = true
            return out
        }
        // An optional cue identifier precedes the timing line.
        pending = line.number
        return out
    }

    /// Ends the last cue at the end of the file.
    mutating func finish() -> [TranscriptItem] {
        finishBlock()
    }

    private mutating func finishBlock() -> [TranscriptItem] {
        var out: [TranscriptItem] = []
        if let identifier = pending { out.append(expectedTiming(identifier)) }
        pending = nil
        if let cue {
            let (speaker, spoken) = Self.speech(cue.raw)
            let (text, cutWarning) = TranscriptLimits.bounded(spoken, file: file, line: cue.number)
            if let cutWarning { out.append(cutWarning) }
            if !text.isEmpty {
                let msg = TranscriptMsg(text: text, tsStart: cue.start, tsEnd: cue.end, speaker: speaker)
                out.append(.utterance(Utterance(id: "u\(cue.number)", msg: msg)))
            }
        }
        cue = nil
        return out
    }

    private mutating func startCue(_ text: String, number: Int, into out: inout [TranscriptItem]) {
        guard let (start, end) = Self.timing(text), end >= start else {
            out.append(warning(number, "malformed cue timing '\(text.prefix(60))'"))
            skipping = true
            return
        }
        if let problem = TranscriptLimits.problem(with: start, field: "cue start")
            ?? TranscriptLimits.problem(with: end, field: "cue end") {
            out.append(warning(number, problem + "; cue skipped"))
            skipping = true
            return
        }
        cue = Cue(number: number, start: start, end: end, raw: "", rawBytes: 0, cut: false)
    }

    /// Adds a text line to the cue, up to the line limit in all, so a cue of a million short
    /// lines is bounded as well as a cue of one long line.
    private mutating func appendText(_ text: String, number: Int, to out: inout [TranscriptItem]) {
        guard var current = cue, !current.cut else { return }
        let bytes = text.utf8.count
        if current.rawBytes + bytes > LineReader.maxLineBytes {
            current.cut = true
            out.append(notice(number, "cue text longer than \(LineReader.maxLineBytes) bytes; the rest is cut"))
        } else {
            if !current.raw.isEmpty { current.raw += " " }
            current.raw += text
            current.rawBytes += bytes + 1
        }
        cue = current
    }

    private func expectedTiming(_ number: Int) -> TranscriptItem {
        warning(number, "expected a cue timing line like '00:00:01.000 --> 00:00:04.000'")
    }

    private func warning(_ number: Int, _ reason: String) -> TranscriptItem {
        .warning(TranscriptWarning(file: file, line: number, reason: reason))
    }

    private func notice(_ number: Int, _ reason: String) -> TranscriptItem {
        .notice(TranscriptWarning(file: file, line: number, reason: reason))
    }

    /// Both "hh:mm:ss.mmm" and "mm:ss.mmm", with "." (VTT) or "," (SRT) before the milliseconds.
    static func timing(_ line: String) -> (Double, Double)? {
        let parts = line.components(separatedBy: "-->")
        guard parts.count == 2 else { return nil }
        let endField = parts[1].trimmingSpaces.split(separator: " ").first.map(String.init) ?? ""
        guard let start = seconds(parts[0].trimmingSpaces), let end = seconds(endField) else { return nil }
        return (start, end)
    }

    static func seconds(_ field: String) -> Double? {
        let fields = field.replacingOccurrences(of: ",", with: ".").split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count) else { return nil }
        var total = 0.0
        for (k, f) in fields.enumerated() {
            guard let v = Double(f), v >= 0, f.allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
            if k < fields.count - 1 && v != v.rounded() { return nil }
            total = total * 60 + v
        }
        return total
    }

    /// Removes markup and finds the speaker, in one pass: once a "<" has no ">" after it, no
    /// later "<" can have one either, so the rest is text and is not searched again.
    static func speech(_ raw: String) -> (speaker: String?, text: String) {
        var speaker: String?
        var text = ""
        var i = raw.startIndex
        var closesLeft = true
        while i < raw.endIndex {
            if closesLeft, raw[i] == "<" {
                if let close = raw[i...].firstIndex(of: ">") {
                    let tag = raw[raw.index(after: i)..<close]
                    if tag.hasPrefix("v ") || tag.hasPrefix("v.") {
                        let name = tag.drop { $0 != " " }.trimmingSpaces
                        if speaker == nil && !name.isEmpty { speaker = name }
                    }
                    i = raw.index(after: close)
                    continue
                }
                closesLeft = false
            }
            text.append(raw[i])
            i = raw.index(after: i)
        }
        text = decodeEntities(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if speaker == nil {
            let split = SpeakerLabel.split(text)
            return (split.speaker, split.text)
        }
        return (speaker, text)
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
