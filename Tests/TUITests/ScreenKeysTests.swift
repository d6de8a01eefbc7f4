import Core
import Testing
@testable import TUI

/// Keys turn into pipeline commands and screen changes; each test checks what the user then sees.
@Suite struct ScreenKeysTests {
    @Test func gSpaceEAndISendCommands() {
        var screen = MeetingFixture.screen(width: 120, height: 40)
        #expect(press([.char("g")], on: &screen) == [.send(.generateNow)])
        #expect(press([.char(" ")], on: &screen) == [.send(.setPaused(true))])
        #expect(screen.render().row(38).contains("PAUSED"))
        #expect(press([.char(" ")], on: &screen) == [.send(.setPaused(false))])
        #expect(press([.char("e")], on: &screen) == [.send(.export(to: "/tmp/export"))])
        #expect(screen.render().row(38).contains("Export requested → /tmp/export"))
        #expect(press([.char("i")], on: &screen) == [.send(.refreshInsights)])
    }

    @Test func qAndCtrlCQuitAfterTellingThePipeline() {
        var screen = MeetingFixture.screen(width: 80, height: 24)
        #expect(press([.char("q")], on: &screen) == [.send(.quit), .quit])
        #expect(press([.interrupt], on: &screen) == [.send(.quit), .quit])
    }

    @Test func tabMovesFocusAndTheFocusedTitleIsHighlighted() {
        var screen = MeetingFixture.screen(width: 120, height: 40)
        #expect(screen.state.focus == .transcript)
        _ = press([.tab], on: &screen)
        #expect(screen.state.focus == .intents)
        let buffer = screen.render()
        let x = TextWidth.width(String(buffer.row(0).prefix { $0 != "I" }))
        #expect(buffer[x, 0].role == .titleFocused)
        _ = press([.backTab, .backTab], on: &screen)
        #expect(screen.state.focus == .insights)
    }

    @Test func aClickFocusesThePaneUnderThePointer() {
        var screen = MeetingFixture.screen(width: 80, height: 24)
        _ = press([.click(x: 70, y: 15)], on: &screen)
        #expect(screen.state.focus == .insights)
        _ = press([.click(x: 5, y: 13)], on: &screen)
        #expect(screen.state.focus == .code)
    }

    @Test func bracketsPageThroughVersions() {
        var screen = MeetingFixture.screen(width: 120, height: 40)
        #expect(screen.render().row(0).contains("PayButton v2/2"))
        _ = press([.char("[")], on: &screen)
        var buffer = screen.render()
        #expect(buffer.row(0).contains("PayButton v1/2"))
        #expect(buffer.text.contains("px-6"))
        _ = press([.char("[")], on: &screen)
        #expect(screen.render().row(38).contains("oldest version"))
        _ = press([.char("]")], on: &screen)
        buffer = screen.render()
        #expect(buffer.row(0).contains("PayButton v2/2"))
        #expect(buffer.text.contains("py-4"))
    }

    @Test func enterOnAnIntentShowsTheVersionItProduced() {
        var screen = MeetingFixture.screen(width: 120, height: 40)
        _ = press([.tab, .home, .enter], on: &screen)
        #expect(screen.state.selectedVersion == 1)
        let buffer = screen.render()
        #expect(buffer.row(0).contains("PayButton v1/2"))
        // The cursor line is drawn selected.
        #expect(buffer.roles(1).contains(.selection))
    }

    @Test func enterOnAComponentShowsIt() {
        var events = MeetingFixture.events
        events.append(.component(MeetingFixture.written("c2", name: "PricingTable", kind: .pricing, version: 1,
                                                        jsx: "export default function PricingTable() {}")))
        var screen = MeetingFixture.screen(width: 120, height: 40, events: events)
        #expect(screen.render().row(0).contains("PricingTable v1/1"))
        // Cursor to the end (PricingTable), up one (PayButton), enter.
        _ = press([.tab, .end, .up, .enter], on: &screen)
        #expect(screen.state.selectedComponent == "c1")
        #expect(screen.render().row(0).contains("PayButton v2/2"))
    }

    @Test func questionMarkShowsEveryKeyAndAnotherKeyStillActs() {
        var screen = MeetingFixture.screen(width: 80, height: 24)
        _ = press([.char("?")], on: &screen)
        let text = screen.render().text
        for entry in HelpOverlay.entries { #expect(text.contains(entry.key), "help lists \(entry.key)") }
        #expect(press([.char("e")], on: &screen) == [.send(.export(to: "/tmp/export"))])
        #expect(!screen.state.helpShown)
        _ = press([.char("?"), .escape], on: &screen)
        #expect(!screen.state.helpShown)
    }

    @Test func tCyclesThemes() {
        let catalog = ThemeCatalog(themes: [Theme(name: "dark", styles: [:]), Theme(name: "light", styles: [:])])
        var screen = Screen(catalog: catalog, exportFolder: "/x", size: Size(width: 80, height: 24))
        #expect(press([.char("t")], on: &screen) == [.themeChanged])
        #expect(screen.theme.name == "light")
        _ = press([.char("t")], on: &screen)
        #expect(screen.theme.name == "dark")
    }

    @Test func scrollingTheTranscriptStopsFollowingUntilTheEnd() {
        var events: [PipelineEvent] = [.status(MeetingFixture.status)]
        for i in 0..<60 { events.append(MeetingFixture.utterance("l\(i)", "Dev", Double(i), "line number \(i)")) }
        var screen = MeetingFixture.screen(width: 120, height: 40, events: events)
        #expect(screen.render().text.contains("line number 59"))
        _ = press([.pageUp], on: &screen)
        screen.apply(MeetingFixture.utterance("new", "Dev", 99, "a newer line"))
        var text = screen.render().text
        #expect(!text.contains("a newer line"), "scrolled up, the view stays put")
        #expect(text.contains("↓"))
        _ = press([.end], on: &screen)
        text = screen.render().text
        #expect(text.contains("a newer line"))
        screen.apply(MeetingFixture.utterance("newer", "Dev", 100, "the newest line"))
        #expect(screen.render().text.contains("the newest line"), "at the end, it follows again")
    }
}
