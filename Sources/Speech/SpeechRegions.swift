import Capture
import Whisper

/// Where a recording holds speech, by the voice activity detection `run` uses. `transcribe`
/// keeps only Whisper's segments that overlap it: on silence and steady noise Whisper (tiny.en
/// above all, and more so with a prompt) invents text, such as "$2.00 a day." or the prompt's
/// own words, and a transcript must not show words nobody said.
public struct SpeechRegions: Sendable, Equatable {
    /// Utterances in seconds, in order.
    public let regions: [ClosedRange<Double>]

    public init(samples: [Float], threshold: Float = 0.6, sampleRate: Int = AudioFile.sampleRate,
                detector: VoiceDetector = .energy) {
        let chunk = Self.chunk(sampleRate: sampleRate)
        var start = 0
        self.init(threshold: threshold, sampleRate: sampleRate, detector: detector) {
            guard start < samples.count else { return nil }
            defer { start += chunk }
            return Array(samples[start..<min(samples.count, start + chunk)])
        }
    }

    /// The same from a recording read a chunk at a time (`chunk(sampleRate:)` samples, the last
    /// one shorter), so a long file need not be in memory.
    public init(threshold: Float = 0.6, sampleRate: Int = AudioFile.sampleRate, detector: VoiceDetector = .energy,
                chunks next: () throws -> [Float]?) rethrows {
        var vad = VADStateMachine(threshold: threshold, sampleRate: sampleRate, detector: detector)
        var events: [VADEvent] = []
        while let chunk = try next() { events += vad.process(chunk) }
        events += vad.finish()
        let rate = Double(sampleRate)
        regions = events.compactMap { event in
            guard case .speechEnded(let from, let to) = event else { return nil }
            return Double(from) / rate...Double(to) / rate
        }
    }

    /// Samples per chunk the detector is given: a tenth of a second.
    public static func chunk(sampleRate: Int) -> Int { sampleRate / 10 }

    public var isEmpty: Bool { regions.isEmpty }

    /// The segments that overlap speech, allowing `slack` seconds for Whisper's timestamps
    /// (20 ms steps that often start a little early or end a little late).
    public func keep(_ segments: [TranscriptSegment], slack: Double = 0.5) -> [TranscriptSegment] {
        segments.filter { segment in
            regions.contains { $0.lowerBound - slack < segment.end && segment.start < $0.upperBound + slack }
        }
    }
}
