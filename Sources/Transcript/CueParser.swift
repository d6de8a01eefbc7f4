import Core
import Foundation

/// WebVTT and SRT cues: "00:01:02.500 --> 00:01:05.000" then text lines until a blank line.
/// Speakers come from `<v Name>` voice tags (Teams, Meet) or a "Name: " prefix (Zoom).
struct CueParser {
    let file: String
    let format: TranscriptFile.Format

    func parse(_ lines: [(number: Int, text: String)]) -> TranscriptFile {
        var result = TranscriptFile(format: format, utterances: [], warnings: [])
        var i = 0
        // Skip the WEBVTT header block.
        if format == .webVTT {
            while i < lines.count && !lines[i].text.trimmingCharacters(in: .whitespaces).isEmpty { i += 1 }
        }
        while i < lines.count {
            let line = lines[i].text.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { i += 1; continue }
            // NOTE, STYLE and REGION blocks carry no speech.
            if format == .webVTT && (line.hasPrefix("NOTE") || line == "STYLE" || line == "REGION") {
                while i < lines.count && !lines[i].text.trimmingCharacters(in: .whitespaces).isEmpty { i += 1 }
                continue
            }
            // An optional cue identifier precedes the timing line.
            var timingIndex = i
            if !line.contains("-->"), i + 1 < lines.count, lines[i + 1].text.contains("-->") { timingIndex = i + 1 }
            let timingLine = lines[timingIndex]
            guard timingLine.text.contains("-->") else {
                result.warnings.append(TranscriptWarning(file: file, line: timingLine.number,
                                                         reason: "expected a cue timing line like '00:00:01.000 --> 00:00:04.000'"))
                i = skipBlock(lines, from: i)
                continue
            }
            guard let (start, end) = Self.timing(timingLine.text), end >= start else {
                result.warnings.append(TranscriptWarning(file: file, line: timingLine.number,
                                                         reason: "malformed cue timing '\(timingLine.text.prefix(60))'"))
                i = skipBlock(lines, from: i)
                continue
            }
            var textLines: [String] = []
            var j = timingIndex + 1
            while j < lines.count && !lines[j].text.trimmingCharacters(in: .whitespaces).isEmpty {
                textLines.append(lines[j].text.trimmingCharacters(in: .whitespaces))
                j += 1
            }
            let (speaker, text) = Self.speech(textLines.joined(separator: " "))
            if !text.isEmpty {
                let msg = TranscriptMsg(text: text, tsStart: start, tsEnd: end, speaker: speaker)
                result.utterances.append(Utterance(id: "u\(timingLine.number)", msg: msg))
            }
            i = j
        }
        return result
    }

    private func skipBlock(_ lines: [(number: Int, text: String)], from start: Int) -> Int {
        var i = start
        while i < lines.count && !lines[i].text.trimmingCharacters(in: .whitespaces).isEmpty { i += 1 }
        return i
    }

    /// Both "hh:mm:ss.mmm" and "mm:ss.mmm", with "." (VTT) or "," (SRT) before the milliseconds.
    static func timing(_ line: String) -> (Double, Double)? {
        let parts = line.components(separatedBy: "-->")
        guard parts.count == 2 else { return nil }
        let endField = parts[1].trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
        guard let start = seconds(parts[0].trimmingCharacters(in: .whitespaces)), let end = seconds(endField) else { return nil }
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

    /// Removes markup and finds the speaker.
    static func speech(_ raw: String) -> (speaker: String?, text: String) {
        var speaker: String?
        var text = ""
        var i = raw.startIndex
        while i < raw.endIndex {
            if raw[i] == "<", let close = raw[i...].firstIndex(of: ">") {
                let tag = raw[raw.index(after: i)..<close]
                if tag.hasPrefix("v ") || tag.hasPrefix("v.") {
                    let name = tag.drop { $0 != " " }.trimmingCharacters(in: .whitespaces)
                    if speaker == nil && !name.isEmpty { speaker = name }
                }
                i = raw.index(after: close)
            } else {
                text.append(raw[i])
                i = raw.index(after: i)
            }
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
