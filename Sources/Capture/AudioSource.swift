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

/// Picks a source from what the user typed: `alsa:NAME` is a capture device, `monitor` what the
/// default output device plays (PulseAudio or PipeWire), `pulse:NAME` any PulseAudio source,
/// anything else a file (`-` is raw s16le 16 kHz mono on stdin).
public enum AudioSources {
    /// `alsa:` alone means `alsa:default`; `pulse:` alone the server's default source.
    public static func open(_ spec: String, realtime: Bool = false) -> any AudioSource {
        if spec.hasPrefix("alsa:") {
            let device = String(spec.dropFirst(5))
            return ALSASource(device: device.isEmpty ? "default" : device)
        }
        if spec == "monitor" { return PulseSource(device: PulseSource.defaultMonitor) }
        if spec.hasPrefix("pulse:") {
            let device = String(spec.dropFirst(6))
            return PulseSource(device: device.isEmpty ? "@DEFAULT_SOURCE@" : device)
        }
        return FileSource(path: spec, realtime: realtime)
    }

    /// Whether `spec` names live capture (a device or a sound server) rather than a file.
    public static func isLive(_ spec: String) -> Bool {
        spec.hasPrefix("alsa:") || spec.hasPrefix("pulse:") || spec == "monitor"
    }

    /// Whether `spec` is what the computer plays (`monitor`, `pulse:NAME.monitor`): the call side
    /// of a meeting. Any other source is someone in the room.
    public static func isCall(_ spec: String) -> Bool {
        spec == "monitor" || (spec.hasPrefix("pulse:") && spec.hasSuffix(".monitor"))
    }
}
