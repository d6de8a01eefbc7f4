import Testing
@testable import TUI

@Test func tUIErrorShowsItsReason() {
    #expect(TUIError.invalid("bad input").errorDescription == "bad input")
}
