import Foundation

/// A block of 16 kHz mono audio on its way from a source to VAD and Whisper.
public struct AudioChunk: Sendable, Equatable {
    /// Samples in [-1, 1] at `AudioFile.sampleRate`.
    public var samples: [Float]
    /// Index of `samples[0]` since the source started: the meeting's time line in samples.
    public var startSample: Int
    /// Loudness for the status-line meter, 0 (silence, <= -60 dBFS) ... 1 (full scale).
    public var level: Float
    /// When `samples[0]` was captured on the `CaptureClock` (seconds), for live sources; nil for
    /// files, whose time line is `startSample`. Two live inputs are lined up by it, since their
    /// sample counts start at different moments and lose dropped chunks.
    public var capturedAt: Double?

    public init(samples: [Float], startSample: Int, level: Float? = nil, capturedAt: Double? = nil) {
        self.samples = samples
        self.startSample = startSample
        self.capturedAt = capturedAt
        self.level = level ?? AudioLevel.meter(samples)
    }
}
