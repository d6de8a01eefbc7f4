import Testing
@testable import Trigger

@Test func triggerErrorShowsItsReason() {
    #expect(TriggerError.invalid("bad input").errorDescription == "bad input")
}
