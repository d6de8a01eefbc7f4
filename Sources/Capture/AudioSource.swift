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
    /// `alsa:` alone means `alsa:default`.
    public static func open(_ spec: String, realtime: Bool = false) -> any AudioSource {
        if spec.hasPrefix("alsa:") {
            let device = String(spec.dropFirst(5))
            return ALSASource(device: device.isEmpty ? "default" : device)
        }
        return FileSource(path: spec, realtime: realtime)
    }
}
