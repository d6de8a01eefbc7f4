import Testing
@testable import Net

@Test func errorShowsItsReason() {
    #expect(NetError.invalid("x").errorDescription == "x")
}
