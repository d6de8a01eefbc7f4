import Testing
@testable import JSX

@Test func jSXErrorShowsItsReason() {
    #expect(JSXError.invalid("bad input").errorDescription == "bad input")
}
