import Testing
@testable import Output

@Test func outputErrorShowsItsReason() {
    #expect(OutputError.invalid("bad input").errorDescription == "bad input")
}
