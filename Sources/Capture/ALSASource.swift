import CALSA
import Foundation

/// Live capture from an ALSA PCM (`default`, `hw:1,0`, `plughw:1`, any name in the ALSA
/// configuration) as 16 kHz mono S16_LE. Reads block, so they run on a dedicated thread that
/// never touches the cooperative pool. The stream keeps the newest `bufferedChunks` chunks
/// (about 6 s by default): if transcription falls behind, the oldest audio is dropped and
/// counted in `droppedChunks`, and capture never stalls the sound card.
public struct ALSASource: AudioSource {
    public let device: String
    /// Frames per chunk delivered (100 ms by default); reads happen a period (20 ms) at a time.
    public let chunkFrames: Int
    public let bufferedChunks: Int
    /// Stop after this many frames (tests read exactly a file's length; past it the file
    /// plugin repeats stale data).
    public let maxFrames: Int?
    private let drops = DropCounter()

    public init(device: String) {
        self.init(device: device, chunkFrames: 1600, bufferedChunks: 64, maxFrames: nil)
    }

    public init(device: String, chunkFrames: Int, bufferedChunks: Int, maxFrames: Int?) {
        precondition(chunkFrames > 0 && bufferedChunks > 0, "chunk and buffer sizes must be positive")
        self.device = device
        self.chunkFrames = chunkFrames
        self.bufferedChunks = bufferedChunks
        self.maxFrames = maxFrames
    }

    public var description: String { "alsa:\(device)" }

    public var droppedChunks: Int { drops.count }

    public func chunks() -> AsyncThrowingStream<AudioChunk, Error> {
        let (stream, continuation) = AsyncThrowingStream<AudioChunk, Error>.makeStream(
            bufferingPolicy: .bufferingNewest(bufferedChunks))
        let stop = StopFlag()
        continuation.onTermination = { _ in stop.set() }
        let capture = CaptureLoop(
            device: device, chunkFrames: chunkFrames, maxFrames: maxFrames, drops: drops, stop: stop,
            continuation: continuation)
        let thread = Thread { capture.run() }
        thread.name = "mockpilot.capture.alsa"
        thread.stackSize = 1 << 20
        thread.start()
        return stream
    }

    /// Opens and closes the device once, so a bad name or busy device is reported before a
    /// meeting starts rather than on its first chunk.
    public func check() throws {
        let handle = try ALSAPCM.open(device)
        snd_pcm_close(handle)
    }
}

/// Set by the consumer going away, read by the capture thread between periods.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    func set() { lock.withLock { stopped = true } }
    var isSet: Bool { lock.withLock { stopped } }
}

/// Opening and configuring a PCM for 16 kHz mono S16_LE capture.
enum ALSAPCM {
    /// 20 ms periods: short enough that a stop request is noticed quickly.
    static let periodFrames = 320

    static func open(_ device: String) throws -> OpaquePointer {
        mockpilot_alsa_silence_errors()
        var handle: OpaquePointer?
        let rc = snd_pcm_open(&handle, device, SND_PCM_STREAM_CAPTURE, 0)
        guard rc >= 0, let handle else {
            throw CaptureError.deviceUnavailable(device: device, reason: reason(rc))
        }
        // soft_resample=1: let the plug layer convert when the card cannot do 16 kHz mono itself.
        let set = snd_pcm_set_params(handle, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED, 1, 16000, 1, 200_000)
        guard set >= 0 else {
            snd_pcm_close(handle)
            throw CaptureError.deviceUnavailable(
                device: device, reason: "cannot capture 16 kHz mono 16-bit (\(message(set))); try plughw: instead of hw:")
        }
        return handle
    }

    static func reason(_ rc: Int32) -> String {
        switch -rc {
        case ENOENT, ENODEV, ENXIO:
            "no such capture device (is a microphone connected? `mockpilot devices` lists them)"
        case EBUSY:
            "device is busy (another program is recording from it)"
        case EACCES, EPERM:
            "permission denied (is the user in the audio group?)"
        default:
            message(rc)
        }
    }

    static func message(_ rc: Int32) -> String {
        guard let text = snd_strerror(rc) else { return "error \(rc)" }
        return String(cString: text)
    }
}
