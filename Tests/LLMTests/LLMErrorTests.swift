import Testing
@testable import LLM

@Test func errorShowsItsReason() {
    #expect(LLMError.invalid("x").errorDescription == "x")
}
