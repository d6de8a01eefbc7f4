import Testing
@testable import Capture

@Test func captureErrorShowsItsReason() {
    #expect(CaptureError.invalid("bad input").errorDescription == "bad input")
}
