import Capture
import Foundation
import Speaker
import Tensor
import Whisper

/// `transcribe --speakers`: each segment's audio through the speaker encoder and the online
/// clustering, in order, so labels are what a live meeting would have shown.
struct SpeakerLabeller {
    let weights: VoiceEncoderWeights

    init(modelDirectory: String) throws {
        weights = try VoiceEncoderWeights(directory: modelDirectory)
    }

    /// "Speaker N" for each segment of the recording at `path`.
    func label(_ segments: [TranscriptSegment], path: String) throws -> [String] {
        let samples = try AudioFile.decode(path: path)
        var diarizer = Diarizer(weights: weights)
        // The LSTM's per-frame products are small (a few rows by 1024 x 256): OpenBLAS's worker
        // threads cost more than they save there, three times over on a busy machine (a 4 s
        // utterance 200 ms on one thread, 480 ms on two). Whisper gets its threads back after.
        let threads = BLAS.threads
        BLAS.setThreads(1)
        defer { BLAS.setThreads(threads) }
        return segments.map { segment in
            let rate = Double(VoiceEncoder.sampleRate)
            let start = Self.sampleIndex(segment.start * rate, limit: samples.count)
            let end = max(start, Self.sampleIndex(segment.end * rate, limit: samples.count))
            return "Speaker \(diarizer.speaker(of: samples[start..<end]))"
        }
    }

    /// A time in samples as an index into the recording, clamped; NaN is the start.
    static func sampleIndex(_ value: Double, limit: Int) -> Int {
        guard value.isFinite, value > 0 else { return 0 }
        return value >= Double(limit) ? limit : Int(value.rounded())
    }
}
