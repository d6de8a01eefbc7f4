import Foundation
import Testing
@testable import LLM

@Suite struct ServerSentEventsTests {
    @Test func linesSplitAcrossPiecesAreJoined() {
        var events = ServerSentEvents()
        #expect(events.feed(Data("event: x\r\ndata: {\"a\"".utf8)).isEmpty)
        #expect(events.feed(Data(": 1}\r\n\r\ndata: [DONE]\n".utf8)) == ["{\"a\": 1}", "[DONE]"])
        #expect(events.feed(Data("data:2\n".utf8)) == ["2"])
        #expect(!events.overflowed)
    }

    /// A server that never ends its line: 16 MB in curl's 16 KB pieces. Rescanning the pending
    /// line from its start on every piece was quadratic (minutes); each byte is scanned once,
    /// and past 4 MiB the line is dropped and the stream reported broken.
    @Test func aLineThatNeverEndsIsBoundedAndReadInLinearTime() {
        let accumulator = StreamAccumulator(extract: OpenAIChat.streamPiece, progress: nil)
        let piece = Data(repeating: UInt8(ascii: "x"), count: 16_384)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            accumulator.feed(Data("data: ".utf8))
            for _ in 0..<1_000 { accumulator.feed(piece) }
        }
        #expect(elapsed < .seconds(5), "\(elapsed)")
        #expect(accumulator.result.error == "a streamed line was longer than 4 MiB")
        #expect(accumulator.result.text.isEmpty)
    }
}
