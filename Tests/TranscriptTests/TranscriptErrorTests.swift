import Testing
@testable import Transcript

@Test func transcriptErrorShowsItsReason() {
    #expect(TranscriptError.invalid("bad input").errorDescription == "bad input")
}
