import Testing
@testable import Whisper

@Test func whisperErrorShowsItsReason() {
    #expect(WhisperError.invalid("bad input").errorDescription == "bad input")
}
