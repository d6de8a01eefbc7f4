import Testing
@testable import Insight

@Test func errorShowsItsReason() {
    #expect(InsightError.invalid("x").errorDescription == "x")
}
