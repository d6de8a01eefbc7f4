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

    @Test func theFillerListIsTheOneCoreHoldsForLabelsAndNames() {
        #expect(ComponentNamer.fillers == WordList.fillers, "names and labels read one list: Sources/Core/Resources/filler-words.txt")
        #expect(ComponentNamer.fillers.isSuperset(of: ["then", "maybe", "just", "like", "really", "kind", "sort", "actually", "so", "okay"]))
    }
}
