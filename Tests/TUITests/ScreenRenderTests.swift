import Core
import Testing
@testable import TUI

/// The whole screen drawn into memory at the sizes people use, checked row by row.
@Suite struct ScreenRenderTests {
    @Test func at120x40ThePanesSitSideBySide() {
        let buffer = MeetingFixture.screen(width: 120, height: 40).render()
        #expect(buffer.width == 120 && buffer.height == 40)
        let top = buffer.row(0)
        #expect(top.hasPrefix("┌─ Transcript"))
        let titles = ["Transcript", "Intents · 2", "PayButton v2/2", "Insights"]
        let positions = titles.map { top.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        // Transcript rows: time, speaker, text; the partial line carries its ellipsis.
        #expect(buffer.row(1).hasPrefix("│00:02 Maya: Let's look at"))
        #expect(buffer.row(2).hasPrefix("│      checkout."), "wrapped lines indent under the text")
        #expect(buffer.text.contains("00:12 Lena: Let's build a"))
        #expect(!buffer.text.contains("pill pay button"), "the partial was replaced by the final line")
        let partialRow = (0..<40).first { buffer.row($0).contains("00:30 Maya: And a calm") }
        #expect(partialRow != nil)
        if let partialRow {
            #expect(buffer.roles(partialRow)[13...20].allSatisfy { $0 == .partial }, "a partial line is dimmed")
            #expect(buffer.row(partialRow + 1).contains("…"))
        }
        #expect(buffer.row(0).contains("Transcript · hearing…"))
        // Intents: component, confidence, triggered; the refinement by what it refers to.
        #expect(buffer.row(1).contains("● button 93% triggered"))
        #expect(buffer.text.contains("● refine button 80%"))
        #expect(buffer.text.contains("pill · Stripe"))
        // Code pane: name, version, path, highlighted JSX of the newest version.
        #expect(buffer.row(1).contains("PayButton  version 2 (2 of 2)"))
        #expect(buffer.row(2).contains("PayButton.v2.jsx"))
        #expect(buffer.text.contains("export default function"))
        #expect(buffer.text.contains("py-4"))
        #expect(!buffer.text.contains("px-6"), "version 1 is not shown")
        // Insights: the empty state says how to get some.
        #expect(buffer.row(1).contains("No insights yet."))
        #expect(buffer.text.contains("mockpilot mine"))
        // Status and hints at the bottom.
        let status = buffer.row(38)
        #expect(status.contains("● LIVE"))
        #expect(status.contains("latency 500ms"))
        #expect(status.contains("queue 0"))
        #expect(status.contains("src standup.vtt"))
        #expect(status.contains("model whisper-tiny.en"))
        #expect(status.contains("session s-42"))
        #expect(status.contains("out /tmp/out"))
        #expect(buffer.row(39).contains("g generate"))
        #expect(buffer.row(39).contains("q quit"))
        #expect(buffer.row(37).hasPrefix("└"))
    }

    @Test func at80x24ThePanesStackTwoByTwo() {
        let buffer = MeetingFixture.screen(width: 80, height: 24).render()
        let top = buffer.row(0)
        #expect(top.hasPrefix("┌─ Transcript"))
        #expect(top.contains("┌─ Intents"))
        #expect(!top.contains("Insights"))
        let middle = buffer.row(11)
        #expect(middle.hasPrefix("┌─ PayButton v2/2"))
        #expect(middle.contains("┌─ Insights"))
        #expect(buffer.row(10).hasPrefix("└"))
        #expect(buffer.row(22).contains("● LIVE"))
        #expect(buffer.row(23).contains("? help"))
        #expect(buffer.row(23).contains("q quit"))
        for y in 0..<24 {
            #expect(TextWidth.width(buffer.row(y)) == 80, "row \(y) is exactly the screen width")
        }
    }

    @Test func belowEightyColumnsOnePaneShowsAsATab() {
        var screen = MeetingFixture.screen(width: 60, height: 20)
        var buffer = screen.render()
        #expect(buffer.row(0).contains("1 Transcript"))
        #expect(buffer.row(0).contains("4 Insights"))
        #expect(buffer.row(1).hasPrefix("┌─ Transcript"))
        _ = screen.handle(.char("3"))
        buffer = screen.render()
        #expect(buffer.row(1).hasPrefix("┌─ PayButton"))
        #expect(!buffer.text.contains("00:02 Maya"))
    }

    @Test func theLargestSupportedScreenIsFilled() {
        let buffer = MeetingFixture.screen(width: 300, height: 100).render()
        #expect(buffer.row(0).hasSuffix("┐"))
        #expect(buffer.row(97).hasPrefix("└"))
        #expect(buffer.row(98).contains("● LIVE"))
    }

    @Test func emojiAndWideCharactersKeepBordersInPlace() {
        let events: [PipelineEvent] = [.status(MeetingFixture.status),
                                       MeetingFixture.utterance("w", "Maya", 1, "Ship it 🚀 with 価格 in yen 👩‍💻 ok")]
        let buffer = MeetingFixture.screen(width: 120, height: 40, events: events).render()
        #expect(buffer.text.contains("🚀"))
        #expect(buffer.text.contains("価格"))
        for y in 0..<40 {
            #expect(TextWidth.width(buffer.row(y)) == 120, "row \(y) keeps 120 columns")
        }
        // The transcript's right border is in the same column on every body row.
        let column = TextWidth.width(String(buffer.row(0).prefix { $0 != "┐" }))
        for y in 1..<37 {
            #expect(buffer[column, y].text == "│", "row \(y)")
        }
    }

    @Test func aWarningShowsBrieflyInTheStatusLine() {
        var screen = MeetingFixture.screen(width: 120, height: 40)
        screen.now = 100
        screen.apply(.warning("line 7 had no timestamp"))
        #expect(screen.render().row(38).contains("⚠ line 7 had no timestamp"))
        screen.now = 100 + Screen.warningSeconds + 0.1
        #expect(!screen.render().row(38).contains("line 7"))
        // A confirmation from the pipeline is shown the same way, but not as a problem.
        screen.apply(.notice("exported 2 component versions to /tmp/x"))
        let row = screen.render().row(38)
        #expect(row.contains("│ exported 2 component versions to /tmp/x"))
        #expect(!row.contains("⚠"))
    }

    @Test func theStatusLineKeepsSessionAndFolderAt120Columns() {
        var status = MeetingFixture.status
        status.source = "transcript /home/ana/calls/2026-12-01-checkout-review.vtt"
        status.model = "none (transcript)"
        status.sessionID = "2026-12-01-1834-fa2e"
        status.outputFolder = "/home/ana/projects/checkout/mockpilot-out"
        let screen = MeetingFixture.screen(width: 120, height: 40, events: MeetingFixture.events + [.status(status)])
        let row = screen.render().row(38)
        #expect(row.hasPrefix(" ● LIVE │ latency 500ms │ queue 0 │ session 2026-12-01-1834-fa2e │ "
                              + "out …/checkout/mockpilot-out │ src 2026-12-01-"), "\(row)")
        #expect(row.last { $0 != " " } == "…", "what still does not fit is cut at the end: \(row)")
        // With room, everything is shown in full.
        let wide = MeetingFixture.screen(width: 300, height: 100, events: MeetingFixture.events + [.status(status)])
        #expect(wide.render().row(98).contains("session 2026-12-01-1834-fa2e │ out /home/ana/projects/checkout/mockpilot-out │ "
                                               + "src transcript /home/ana/calls/2026-12-01-checkout-review.vtt │ "
                                               + "model none (transcript)"))
    }

    @Test func theStatusLineEndsWithoutASeparatorAndShortensTheSourceBeforeDroppingTheModel() {
        var status = MeetingFixture.status
        status.source = "transcript /work/app/scripts/demo/product-meeting.vtt"
        status.model = "whisper-tiny.en"
        status.outputFolder = "/tmp/snap/out"
        let row = MeetingFixture.screen(width: 120, height: 40, events: MeetingFixture.events + [.status(status)]).render().row(38)
        #expect(row.contains("│ session s-42 │ out /tmp/snap/out │ src product-meeting.vtt │ model whisper-tiny.en"), "\(row)")
        #expect(row.last { $0 != " " } != "│", "\(row)")
    }

    @Test func aComponentsLatencyShowsWholeOrNotAtAll() {
        let long = MeetingFixture.written("c9", name: "PricingTable", kind: .pricing, version: 3, jsx: "x",
                                          latency: 0.469)
        let buffer = MeetingFixture.screen(width: 120, height: 40, events: MeetingFixture.events + [.component(long)]).render()
        #expect(buffer.text.contains("PayButton v2 500ms"))
        let row = buffer.text.split(separator: "\n").first { $0.contains("▸ PricingTable v3 ") }
        #expect(row != nil, "the name and version fit")
        #expect(row?.contains("469") == false, "a cut latency (“469m”) would read as minutes")
    }

    @Test func slowRecognitionAndTheAudioLevelShow() {
        var status = MeetingFixture.status
        status.level = 0.5
        status.queueDepth = 2
        var screen = MeetingFixture.screen(width: 120, height: 40, events: [.status(status), .slow(queued: 4)])
        let row = screen.render().row(38)
        #expect(row.contains("queue 4 slow"))
        #expect(row.contains("level ▮▮▮▮▯▯▯▯"))
        status.queueDepth = 0
        screen.apply(.status(status))
        #expect(!screen.render().row(38).contains("slow"))
    }

    @Test func insightsShowSentimentQuotesAndTags() {
        let insight = InsightSummary(query: "pay button", count: 12, meanSentiment: 0.4, distribution: [1, 0, 2, 5, 4],
                                     quotes: [.init(text: "Love it", source: "hn", date: "2025-01-01", sentiment: 0.9),
                                              .init(text: "Looks like an ad", source: "reddit", date: "", sentiment: -0.7)],
                                     tags: ["speed": 5, "trust": 2])
        let buffer = MeetingFixture.screen(width: 120, height: 40, events: [.insight(insight)]).render()
        let text = buffer.text
        #expect(!text.contains("No insights yet"))
        #expect(text.contains("Mean +0.40  12 posts"))
        #expect(text.contains("+ “Love it”"))
        #expect(text.contains("- “Looks like an ad”"))
        #expect(text.contains("speed 5 · trust 2"))
        #expect(text.contains("neg ▂▂  ▄▄██▇▇ pos"), "buckets scaled to the fullest, an empty one blank")
    }
}
