import Core
import Foundation
import TestSupport
import Testing
@testable import CodeGen

/// Names come from what the ask is about, never from the words people fill talk with.
@Suite struct ComponentNamerContentTests {
    func name(_ label: String?, _ kind: ComponentKind) -> String { ComponentNamer.name(label: label, kind: kind).name }

    @Test func fillerWordsNeverMakeAName() {
        #expect(name("then maybe just", .button) == "Button")
        #expect(name("so like really pay", .button) == "PayButton")
        #expect(name("okay actually kind", .card) == "Card")
    }

    @Test func aLabelEndingInWhatTheThingIsIsTheWholeName() {
        #expect(name("Invite dialog", .modal) == "InviteDialog")
        #expect(name("Invoice table", .table) == "InvoiceTable")
        #expect(name("Trial warning", .alert) == "TrialWarning")
        #expect(name("Pay", .button) == "PayButton", "a label without a type noun still takes the kind's")
    }

    @Test func theFillerListIsTheSameDataAsTheLabelReaders() throws {
        let here = try String(contentsOf: Repository.root.appendingPathComponent("Sources/CodeGen/Resources/filler-words.txt"), encoding: .utf8)
        let there = try String(contentsOf: Repository.root.appendingPathComponent("Sources/Intent/Resources/filler-words.txt"), encoding: .utf8)
        #expect(here == there, "Sources/CodeGen/Resources/filler-words.txt and Sources/Intent/Resources/filler-words.txt must be one list")
        #expect(ComponentNamer.fillers.isSuperset(of: ["then", "maybe", "just", "like", "really", "kind", "sort", "actually", "so", "okay"]))
    }
}
