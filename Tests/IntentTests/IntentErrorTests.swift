import Testing
@testable import Intent

@Test func intentErrorShowsItsReason() {
    #expect(IntentError.invalid("bad input").errorDescription == "bad input")
}
