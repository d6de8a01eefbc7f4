import Core
import Testing
@testable import Intent

/// The words a component is named and labelled by are the ask's content words.
@Suite struct LabelReaderTests {
    @Test(arguments: [
        ("Let's build an invite dialog.", "Invite dialog"),
        ("Let's mock up an invoice table with three columns.", "Invoice table"),
    ])
    func theAsksNounsNameWhatIsNotAButton(line: String, label: String) throws {
        #expect(try Fixture.one(line)?.label == label)
    }

    @Test func fillerWordsAreNeverALabel() {
        #expect(LabelReader.read(Words.split("ok so then maybe just button over here")) == nil)
        #expect(LabelReader.read(Words.split("so like really pay button")) == "Pay")
    }

    @Test func aCreateVerbIsNeverPartOfALabel() {
        // Heard in a design meeting about a remote: the verb came first, not a name.
        #expect(LabelReader.read(Words.split("if multiple machines are used, create easy switch between the machines")) == "Easy switch")
        #expect(LabelReader.read(Words.split("you can actually create switches or levers")) == nil)
    }

    @Test func looksAloneBeforeAComponentAreNotALabel() throws {
        #expect(try Fixture.one("Let's mock up a dark navbar like Linear's.")?.label == nil)
        #expect(try Fixture.one("Let's build a Stripe pricing table.")?.label == nil)
    }

    @Test func theFillerListIsData() {
        #expect(LabelReader.fillers.isSuperset(of: ["then", "maybe", "just", "like", "really", "kind", "sort", "actually", "so", "okay"]))
    }
}
