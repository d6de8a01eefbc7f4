import Foundation
import Testing
@testable import Insight

/// When a meeting gathers posts by itself: driven with explicit times, no waiting.
@Suite struct AutoMineStateMachineTests {
    let start = Date(timeIntervalSince1970: 1_760_000_000)
    let button = InsightQuery(component: "button", styles: ["pill"], brands: ["Stripe"])

    @Test func oncePerQueryPerInterval() {
        var machine = AutoMineStateMachine(interval: 900, sources: ["reddit"])
        #expect(machine.summaryWanted(for: button, now: start, budget: nil) == .mine([.reddit(subreddits: [])]))
        #expect(machine.summaryWanted(for: button, now: start.addingTimeInterval(899), budget: nil) == .skip)
        let navbar = InsightQuery(component: "navbar", styles: [], brands: [])
        #expect(machine.summaryWanted(for: navbar, now: start.addingTimeInterval(10), budget: nil) == .mine([.reddit(subreddits: [])]))
        #expect(machine.summaryWanted(for: button, now: start.addingTimeInterval(900), budget: nil) == .mine([.reddit(subreddits: [])]))
    }

    @Test func noSourceOrZeroIntervalNeverMines() {
        var none = AutoMineStateMachine(interval: 900, sources: [])
        #expect(none.summaryWanted(for: button, now: start, budget: nil) == .skip)
        var off = AutoMineStateMachine(interval: 0, sources: ["reddit"])
        #expect(off.summaryWanted(for: button, now: start, budget: nil) == .skip)
    }

    @Test func instagramOnlyWithBudgetToSpare() throws {
        var budget = try HashtagBudget(path: try TestSupport.temporaryDirectory() + "/b.json")
        var machine = AutoMineStateMachine(interval: 900, sources: ["instagram"], instagramReserve: 10)
        #expect(machine.summaryWanted(for: button, now: start, budget: budget) == .mine([.instagram(hashtags: ["buttondesign"])]))
        // 20 hashtags spent leaves 10, the reserve: a new hashtag is not spent on the meeting's behalf...
        for i in 0..<20 { try budget.spend("tag\(i)", now: start) }
        let card = InsightQuery(component: "card", styles: [], brands: [])
        #expect(machine.summaryWanted(for: card, now: start, budget: budget) == .skip)
        // ...but one already searched this week costs nothing.
        try budget.spend("buttondesign", now: start)
        #expect(machine.summaryWanted(for: button, now: start.addingTimeInterval(1000), budget: budget)
                == .mine([.instagram(hashtags: ["buttondesign"])]))
    }
}
