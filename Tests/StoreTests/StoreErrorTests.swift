import Testing
@testable import Store

@Test func storeErrorShowsItsReason() {
    #expect(StoreError.invalid("bad input").errorDescription == "bad input")
}
