import Core

/// What people say about the design under discussion: mean sentiment with its distribution,
/// the strongest quotes either way, and tags. Until a summary arrives it says how to get one.
enum InsightsPane {
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func lines(_ model: MeetingViewModel, width: Int) -> [StyledLine] {
        guard let insight = model.insight else {
            return StyledLine.wrap([Span("No insights yet.", .title)], width: width)
                + [StyledLine()]
                + StyledLine.wrap([Span("Gather posts with ", .dim), Span("mockpilot mine", .hintKey),
                                   Span(" or a configured source; they show when a component is generated (", .dim),
                                   Span("i", .hintKey), Span(" refreshes).", .dim)], width: width)
        }
        if insight.count == 0 { return emptyState(insight, width: width) }
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

    /// What to do when there is nothing to show: each cause has its own remedy.
    static func emptyState(_ insight: InsightSummary, width: Int) -> [StyledLine] {
        let about = insight.query.isEmpty ? "this" : "“\(insight.query)”"
        let configure: [Span] = [
            Span("Configure a source: ", .dim), Span("REDDIT_CLIENT_ID", .hintKey), Span(" and ", .dim),
            Span("REDDIT_CLIENT_SECRET", .hintKey), Span(" for Reddit, ", .dim), Span("INSTAGRAM_ACCESS_TOKEN", .hintKey),
            Span(" and ", .dim), Span("INSTAGRAM_USER_ID", .hintKey), Span(" for Instagram; or import a dump: ", .dim),
            Span("mockpilot mine QUERY --source dump.jsonl", .hintKey), Span(".", .dim),
        ]
        let title: String
        var body: [[Span]]
        switch insight.empty {
        case .off(let missing, let reason)?:
            title = "Insights are off."
            body = [[Span("The \(missing) model is missing: run ", .dim), Span("make models", .hintKey), Span(" to fetch it.", .dim)],
                    [Span(reason, .dim)]]
        case .noSource(let stored)? where stored == 0:
            title = "No posts yet."
            body = [configure]
        case .noSource(let stored)?:
            title = "Nothing about \(about) among the \(stored) stored post\(stored == 1 ? "" : "s")."
            body = [configure]
        case .nothingFound(let sources)?:
            let names = sources.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " and ")
            title = "Nothing about \(about) on \(names.isEmpty ? "the configured sources" : names) yet."
            body = [[Span("Press ", .dim), Span("i", .hintKey), Span(" to look again, or add posts with ", .dim),
                     Span("mockpilot mine QUERY --source dump.jsonl", .hintKey), Span(".", .dim)]]
        case nil:
            title = "No posts about \(about) yet."
            body = [[Span("Press ", .dim), Span("i", .hintKey), Span(" to look again.", .dim)]]
        }
        var result = StyledLine.wrap([Span(title, .title)], width: width)
        for paragraph in body { result += [StyledLine()] + StyledLine.wrap(paragraph, width: width) }
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
