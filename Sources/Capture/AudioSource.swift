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

/// Anything that produces audio chunks: a microphone, a file, stdin.
public protocol AudioSource: Sendable {
    /// A fresh stream of chunks; it finishes at the end of the input, or throws a `CaptureError`.
    func chunks() -> AsyncThrowingStream<AudioChunk, Error>
    /// What the status line shows, e.g. `alsa:default` or `meeting.wav`.
    var description: String { get }
    /// Chunks discarded because the consumer fell behind (live sources only).
    var droppedChunks: Int { get }
}

extension AudioSource {
    public var droppedChunks: Int { 0 }
}

/// Picks a source from what the user typed: `alsa:NAME` is a capture device, anything else a
/// file (`-` is raw s16le 16 kHz mono on stdin).
public enum AudioSources {
    public static func open(_ spec: String, realtime: Bool = false) -> any AudioSource {
        if spec.hasPrefix("alsa:") {
            return ALSASource(device: String(spec.dropFirst(5)))
        }
        return FileSource(path: spec, realtime: realtime)
    }
}

/// Counts chunks a bounded stream had to drop. Written by a capture thread, read by the UI.
public final class DropCounter: @unchecked Sendable {
    // A lock rather than an atomic: Synchronization's types need macOS 15 and this is not hot.
    private let lock = NSLock()
    private var value = 0

    public init() {}

    public var count: Int { lock.withLock { value } }

    func add(_ n: Int = 1) { lock.withLock { value += n } }
}
