import Foundation
import Testing
import Capture
@testable import Whisper

@Suite(.serialized) struct WhisperSessionTests {
    /// Same token ids as faster-whisper (CTranslate2, float32, beam 1) on short clips.
    @Test(arguments: ["dev-012", "dev-001", "dev-010"])
    func tokensEqualFasterWhisper(id: String) throws {
        let model = try Fixtures.loadModel()
        let wav = Fixtures.lines + "/\(id).wav"
        let samples = try AudioFile.decode(path: wav)
        var session = WhisperSession(model: model, options: TranscriptionOptions())
        let segments = try session.transcribe(samples)

        let line = try Fixtures.reference(["transcribe", Fixtures.modelDirectory, wav])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let reference = try #require(json["segments"] as? [[String: Any]])
        #expect(segments.map(\.tokens) == reference.map { ($0["tokens"] as? [Int]) ?? [] })
        #expect(segments.map(\.text) == reference.map { ($0["text"] as? String) ?? "" })
        for (ours, theirs) in zip(segments, reference) {
            #expect(abs(ours.avgLogProb - ((theirs["avg_logprob"] as? Double) ?? 0)) < 0.02)
            #expect(abs(ours.noSpeechProb - ((theirs["no_speech_prob"] as? Double) ?? 0)) < 0.02)
        }
    }

    @Test func shortLineGivesTheExpectedWordsWithSaneTimestamps() throws {
        let model = try Fixtures.loadModel()
        let samples = try AudioFile.decode(path: Fixtures.lines + "/dev-012.wav")
        var session = WhisperSession(model: model, options: TranscriptionOptions())
        let segments = try session.transcribe(samples, offset: 10)
        let text = segments.map(\.text).joined().lowercased()
        #expect(text.contains("can we make that dark mode"), "got \(text)")
        let duration = Double(samples.count) / 16_000
        var previousEnd = 10.0
        for s in segments {
            #expect(s.start >= previousEnd - 0.001)
            #expect(s.end > s.start)
            #expect(s.end <= 10 + duration + 0.5)
            previousEnd = s.end
        }
    }
}
