import CPulse
import Foundation

/// Live capture from a PulseAudio source, or PipeWire's PulseAudio server: a microphone, or the
/// monitor of an output device, which carries everything the computer plays, a call's other side
/// included. The server converts to 16 kHz mono s16 (its resampler filters, as `Resampler` does),
/// so chunks arrive exactly as ALSA's do. Reads block, so they run on a thread of their own; the
/// stream keeps the newest `bufferedChunks` chunks and counts what it drops.
public struct PulseSource: AudioSource {
    /// The source name (`alsa_output.pci-0000_00_1f.3.analog-stereo.monitor`), or one of the
    /// server's own aliases: `@DEFAULT_MONITOR@` (the default sink's monitor), `@DEFAULT_SOURCE@`.
    public let device: String
    /// The server address (`unix:/run/user/1000/pulse/native`); nil: PULSE_SERVER, then the default.
    public let server: String?
    /// 16 kHz samples per chunk (100 ms by default); reads happen 20 ms at a time.
    public let chunkFrames: Int
    public let bufferedChunks: Int
    /// Stop after this many samples (tests); nil: until the consumer goes away.
    public let maxFrames: Int?
    private let drops = DropCounter()

    /// The default output device's monitor: what `--input monitor` means.
    public static let defaultMonitor = "@DEFAULT_MONITOR@"

    public init(device: String, server: String? = nil) {
        self.init(device: device, server: server, chunkFrames: 1600, bufferedChunks: 64, maxFrames: nil)
    }

    public init(device: String, server: String?, chunkFrames: Int, bufferedChunks: Int, maxFrames: Int?) {
        precondition(chunkFrames > 0 && bufferedChunks > 0, "chunk and buffer sizes must be positive")
        self.device = device
        self.server = server
        self.chunkFrames = chunkFrames
        self.bufferedChunks = bufferedChunks
        self.maxFrames = maxFrames
    }

    public var description: String { device == Self.defaultMonitor ? "monitor" : "pulse:\(device)" }

    public var droppedChunks: Int { drops.count }

    public func chunks() -> AsyncThrowingStream<AudioChunk, Error> {
        CaptureThread.start(named: "mockpilot.capture.pulse", bufferedChunks: bufferedChunks) { [self] stop, continuation in
            PulseCaptureLoop(source: self, drops: drops, stop: stop, continuation: continuation).run()
        }
    }

    /// Connects and opens the stream once, so no server or a wrong source name is one clear line
    /// before a meeting starts rather than its first chunk.
    public func check() throws {
        let stream = try open()
        pa_simple_free(stream)
    }

    /// Reads are 20 ms (640 bytes); the server sends a fragment that size, so a read returns
    /// as soon as it is captured and a stop request is noticed within one.
    static let periodFrames = 320

    func open() throws -> OpaquePointer {
        var spec = pa_sample_spec(format: PA_SAMPLE_S16LE, rate: UInt32(AudioFile.sampleRate), channels: 1)
        let bytes = UInt32(Self.periodFrames * 2)
        var attributes = pa_buffer_attr(maxlength: UInt32.max, tlength: UInt32.max, prebuf: UInt32.max,
                                        minreq: UInt32.max, fragsize: bytes)
        var error: Int32 = 0
        guard let stream = pa_simple_new(server, "MockPilot", PA_STREAM_RECORD, device, "meeting capture",
                                         &spec, nil, &attributes, &error) else {
            throw CaptureError.deviceUnavailable(device: description, reason: Self.reason(error, server: server))
        }
        return stream
    }

    /// The sentence for a libpulse error code, with what to do about the common ones.
    static func reason(_ code: Int32, server: String?) -> String {
        switch Int(code) {
        case Int(PA_ERR_CONNECTIONREFUSED.rawValue), Int(PA_ERR_INVALIDSERVER.rawValue):
            let at = server.map { " at \($0)" } ?? ""
            return "no PulseAudio or PipeWire server\(at) (is one running? PULSE_SERVER names another)"
        case Int(PA_ERR_NOENTITY.rawValue):
            return "no such source (`mockpilot devices` lists them)"
        default:
            return pa_strerror(code).map { String(cString: $0) } ?? "PulseAudio error \(code)"
        }
    }
}
