import Foundation
import Testing
import Whisper
@testable import Speech

@Suite struct SpeechRegionsTests {
    /// A voiced burst (200 Hz buzz rising and falling like syllables) from 2 s to 3 s of 6 s.
    static let samples: [Float] = (0..<6 * 16000).map { i in
        let t = Double(i) / 16000
        guard t >= 2, t < 3 else { return 0 }
        let voice = 0.2 * sin(2 * .pi * 200 * t) + 0.1 * sin(2 * .pi * 400 * t) + 0.05 * sin(2 * .pi * 800 * t)
        return Float(voice * (0.55 + 0.45 * sin(2 * .pi * 4 * t)))
    }

    func segment(_ text: String, _ start: Double, _ end: Double) -> TranscriptSegment {
        TranscriptSegment(text: text, start: start, end: end, tokens: [], avgLogProb: -0.2, noSpeechProb: 0.1)
    }

    @Test func onlySegmentsOverlappingSpeechAreKept() throws {
        let speech = SpeechRegions(samples: Self.samples)
        let region = try #require(speech.regions.first)
        #expect(speech.regions.count == 1 && abs(region.lowerBound - 2) < 0.1 && abs(region.upperBound - 3) < 0.1, "\(speech.regions)")
        let heard = segment(" the words", 1.9, 3.1), invented = segment(" $2.00 a day.", 4.5, 5.8)
        #expect(speech.keep([heard, invented]) == [heard])
    }

    @Test func silenceHasNoSpeech() {
        #expect(SpeechRegions(samples: [Float](repeating: 0, count: 10 * 16000)).isEmpty)
    }
}
