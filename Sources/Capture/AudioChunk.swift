import Foundation

/// A block of 16 kHz mono audio on its way from a source to VAD and Whisper.
public struct AudioChunk: Sendable, Equatable {
    /// Samples in [-1, 1] at `AudioFile.sampleRate`.
    public var samples: [Float]
    /// Index of `samples[0]` since the source started: the meeting's time line in samples.
    public var startSample: Int
    /// Loudness for the status-line meter, 0 (silence, <= -60 dBFS) ... 1 (full scale).
    public var level: Float

    public init(samples: [Float], startSample: Int, level: Float? = nil) {
        self.samples = samples
        self.startSample = startSample
        self.level = level ?? AudioLevel.meter(samples)
    }
}
