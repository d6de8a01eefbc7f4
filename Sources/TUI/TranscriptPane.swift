/// The rolling transcript: time, speaker and text; partial lines dimmed until they are final.
enum TranscriptPane {
    static func lines(_ model: MeetingViewModel, width: Int) -> [StyledLine] {
        guard !model.lines.isEmpty else {
            var empty = StyledLine.wrap([Span("Waiting for speech…", .dim)], width: width)
            if let source = model.status?.source {
                empty += StyledLine.wrap([Span("Listening to " + source, .dim)], width: width)
            }
            return empty
        }
        var result: [StyledLine] = []
        result.reserveCapacity(model.lines.count * 2)
        for line in model.lines {
            var spans = [Span(TimeText.clock(line.start) + " ", .time)]
            if let speaker = line.speaker, !speaker.isEmpty {
                spans.append(Span(speaker + ": ", .speaker))
            }
            spans.append(Span(line.isFinal ? line.text : line.text + " …", line.isFinal ? .text : .partial))
            result += StyledLine.wrap(spans, width: width, indent: 6)
        }
        return result
    }
}
