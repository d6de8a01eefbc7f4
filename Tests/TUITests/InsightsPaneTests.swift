import Core
import Testing
@testable import TUI

/// The insights pane's empty states, drawn into the in-memory screen: each cause says what to do.
@Suite struct InsightsPaneTests {
    /// The insights pane alone (key 4 on a narrow screen), its rows' text joined with spaces so a
    /// phrase wrapped over two rows still reads as one.
    func pane(_ insight: InsightSummary) -> String {
        var screen = MeetingFixture.screen(width: 70, height: 30, events: [.status(MeetingFixture.status), .insight(insight)])
        _ = screen.handle(.char("4"))
        let buffer = screen.render()
        #expect(buffer.row(1).hasPrefix("┌─ Insights"))
        return (2..<28).map { buffer.row($0) }
            .filter { $0.hasPrefix("│") }
            .map { $0.dropFirst().dropLast().trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    @Test func insightsOffNamesTheMissingModelAndMakeModels() {
        let text = pane(.empty(.off(missing: "all-MiniLM-L6-v2",
                                    reason: "/home/u/.local/share/mockpilot/models/all-MiniLM-L6-v2: not found or unreadable")))
        #expect(text.hasPrefix("Insights are off."), "\(text)")
        #expect(text.contains("The all-MiniLM-L6-v2 model is missing: run make models to fetch it."), "\(text)")
        #expect(text.contains("models/all-MiniLM-L6-v2: not found"))
        #expect(!text.contains("Mean"))
    }

    @Test func noPostsAndNoSourceNamesTheVariablesAndTheDumpImport() {
        let text = pane(.empty(.noSource(stored: 0), query: "stripe button"))
        #expect(text.hasPrefix("No posts yet."), "\(text)")
        for needed in ["REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET for Reddit", "INSTAGRAM_ACCESS_TOKEN",
                       "mockpilot mine QUERY --source dump.jsonl"] {
            #expect(text.contains(needed), "\(needed) in \(text)")
        }
        #expect(!text.contains("Mean"))
    }

    @Test func storedPostsButNoneAboutThisAndNoSource() {
        let text = pane(.empty(.noSource(stored: 120), query: "stripe button"))
        #expect(text.hasPrefix("Nothing about “stripe button” among the 120 stored posts."), "\(text)")
        #expect(text.contains("REDDIT_CLIENT_ID"))
    }

    @Test func aConfiguredSourceThatFoundNothingSaysSoAndNotToConfigure() {
        let text = pane(.empty(.nothingFound(sources: ["reddit", "instagram"]), query: "stripe button pill"))
        #expect(text.hasPrefix("Nothing about “stripe button pill” on Reddit and Instagram yet."), "\(text)")
        #expect(text.contains("Press i to look again"))
        #expect(!text.contains("REDDIT_CLIENT_ID"), "a configured source is not asked for again")
    }

    @Test func aZeroPostSummaryNeverShowsAMeanOfNothing() {
        let text = pane(InsightSummary(query: "navbar", count: 0, meanSentiment: 0, distribution: [0, 0, 0, 0, 0], quotes: [], tags: [:]))
        #expect(!text.contains("Mean"), "\(text)")
        #expect(!text.contains("0 posts"))
        #expect(text.hasPrefix("No posts about “navbar” yet."))
    }

    @Test func beforeAnySummaryItSaysWhereInsightsComeFrom() {
        var screen = MeetingFixture.screen(width: 70, height: 30, events: [.status(MeetingFixture.status)])
        _ = screen.handle(.char("4"))
        let text = screen.render().text
        #expect(text.contains("No insights yet."))
        #expect(text.contains("mockpilot mine"))
    }
}
