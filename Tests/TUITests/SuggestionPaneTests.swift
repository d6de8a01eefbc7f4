import Core
import Testing
@testable import TUI

/// Suggestions: readings the meeting only offers, listed in the intents pane; `g` makes the newest
/// (the meeting decides), `enter` on one makes that one.
@Suite struct SuggestionPaneTests {
    static let pricing = IntentMsg(utteranceID: "u5", component: .pricing, confidence: 0.6,
                                   text: "Maybe a pricing page at some point.")
    static let bigger = IntentMsg(utteranceID: "u6", component: nil, confidence: 0.8, refine: true,
                                  text: "Make it bigger.")

    static func screen() -> Screen {
        MeetingFixture.screen(width: 120, height: 40, events: MeetingFixture.events + [
            .suggestion(pricing, reason: "heard: maybe a pricing table — enter to make it"),
            .suggestion(bigger, reason: "heard: a change, but the talk has moved on from the button c1 — enter to apply it"),
        ])
    }

    @Test func theIntentsPaneListsWhatIsOffered() throws {
        // The intents pane is 22 columns wide at 120x40: each offer wraps under its "?".
        let buffer = Self.screen().render()
        let pane = (0..<40).map { String(buffer.row($0).dropFirst(37).prefix(22)) }
        let at = try #require(pane.firstIndex { $0.hasPrefix("Suggestions · 2") }, "\(buffer.text)")
        #expect(pane[at + 1].hasPrefix("? heard: maybe a"))
        #expect(pane[at + 2].hasPrefix("  pricing table —"))
        #expect(pane[at + 4].hasPrefix("  “Maybe a pricing"))
        #expect(pane[at + 6].hasPrefix("? heard: a change, but"))
    }

    @Test func enterOnASuggestionMakesIt() {
        var screen = Self.screen()
        // Intents pane, first line, then down past the two intents to the first suggestion.
        let actions = press([.tab, .home, .down, .down, .enter], on: &screen)
        #expect(actions == [.send(.makeSuggestion(utteranceID: "u5"))])
        #expect(screen.render().text.contains("Making the suggestion…"))
    }

    @Test func aMadeSuggestionLeavesThePane() {
        var screen = Self.screen()
        var made = Self.pricing
        made.confidence = 0.6
        screen.apply(.intent(made, triggered: true))
        let text = screen.render().text
        #expect(text.contains("Suggestions · 1"))
        #expect(!text.contains("maybe a pricing table"))
    }

    @Test func suggestionsAreJSONLinesForNoTUI() throws {
        let line = try JSONLines.encode(PipelineEvent.suggestion(Self.pricing, reason: "heard: maybe a pricing table — enter to make it"))
        #expect(line.hasPrefix("{\"type\":\"suggestion\"") || line.contains("\"type\":\"suggestion\""), "\(line)")
        #expect(line.contains("\"reason\":\"heard: maybe a pricing table — enter to make it\""))
        #expect(line.contains("\"utterance_id\":\"u5\""))
    }
}
