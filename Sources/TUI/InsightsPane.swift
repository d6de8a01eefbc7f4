import Core

/// What people say about the design under discussion: mean sentiment with its distribution,
/// the strongest quotes either way, and tags. Until a summary arrives it says how to get one.
enum InsightsPane {
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func lines(_ model: MeetingViewModel, width: Int) -> [StyledLine] {
        guard let insight = model.insight else {
            return StyledLine.wrap([Span("No insights yet.", .title)], width: width)
                + [StyledLine()]
                + StyledLine.wrap([Span("Insights need a source configured: run ", .dim), Span("mockpilot mine", .hintKey),
                                   Span(" to collect posts, then press ", .dim), Span("i", .hintKey),
                                   Span(" to refresh.", .dim)], width: width)
        }
        var result: [StyledLine] = []
        if !insight.query.isEmpty {
            result += StyledLine.wrap([Span("About: ", .dim), Span(insight.query, .text)], width: width, indent: 2)
        }
        let mood: Role = insight.meanSentiment > 0.05 ? .positive : (insight.meanSentiment < -0.05 ? .negative : .neutral)
        result += StyledLine.wrap([Span("Mean ", .dim), Span(TimeText.signed(insight.meanSentiment), mood),
                                   Span("  \(insight.count) posts", .dim)], width: width)
        if !insight.distribution.isEmpty {
            result.append(StyledLine([Span("neg ", .dim)] + distributionBar(insight.distribution) + [Span(" pos", .dim)]))
        }
        if let best = insight.quotes.max(by: { $0.sentiment < $1.sentiment }), best.sentiment > 0 {
            result.append(StyledLine())
            result += quote(best, sign: "+", role: .positive, width: width)
        }
        if let worst = insight.quotes.min(by: { $0.sentiment < $1.sentiment }), worst.sentiment < 0 {
            result.append(StyledLine())
            result += quote(worst, sign: "-", role: .negative, width: width)
        }
        if !insight.tags.isEmpty {
            result.append(StyledLine())
            let sorted = insight.tags.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            var spans = [Span("Tags ", .dim)]
            for (i, tag) in sorted.prefix(12).enumerated() {
                spans.append(Span((i == 0 ? "" : " · ") + tag.key, .text))
                spans.append(Span(" \(tag.value)", .dim))
            }
            result += StyledLine.wrap(spans, width: width, indent: 2)
        }
        return result
    }

    /// One bar per bucket, scaled to the fullest; negative buckets red, positive green.
    static func distributionBar(_ buckets: [Int]) -> [Span] {
        let top = max(1, buckets.max() ?? 1)
        let middle = Double(buckets.count - 1) / 2
        return buckets.enumerated().map { i, n in
            let level = n == 0 ? 0 : max(1, Int((Double(n) / Double(top) * 7).rounded()))
            let role: Role = Double(i) < middle ? .negative : (Double(i) > middle ? .positive : .neutral)
            let glyph = n == 0 ? " " : String(bars[min(7, level)])
            return Span(glyph + glyph, role)
        }
    }

    static func quote(_ q: InsightSummary.Quote, sign: String, role: Role, width: Int) -> [StyledLine] {
        var source = q.source
        if !q.date.isEmpty { source += ", " + q.date }
        return StyledLine.wrap([Span(sign + " ", role), Span("“" + q.text + "”", .text)], width: width, indent: 2)
            + StyledLine.wrap([Span("  — " + source, .dim)], width: width, indent: 4)
    }
}
