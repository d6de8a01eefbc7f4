import CALSA
import Foundation

/// Live capture from an ALSA PCM (`default`, `hw:1,0`, `plughw:1`, any name in the ALSA
/// configuration), in whatever rate, channel count and sample format the device offers nearest
/// to 16 kHz mono, delivered as 16 kHz mono. Reads block, so they run on a dedicated thread that
/// never touches the cooperative pool. The stream keeps the newest `bufferedChunks` chunks
/// (about 6 s by default): if transcription falls behind, the oldest audio is dropped and
/// counted in `droppedChunks`, and capture never stalls the sound card.
public struct ALSASource: AudioSource {
    public let device: String
    /// 16 kHz samples per chunk delivered (100 ms by default); reads happen a period (20 ms) at a time.
    public let chunkFrames: Int
    public let bufferedChunks: Int
    /// Stop after this many frames at the device's own rate (tests read exactly a file's
    /// length; past it the file plugin repeats stale data).
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
        CaptureThread.start(named: "mockpilot.capture.alsa", bufferedChunks: bufferedChunks) { [self] stop, continuation in
            CaptureLoop(device: device, chunkFrames: chunkFrames, maxFrames: maxFrames, drops: drops, stop: stop,
                        continuation: continuation).run()
        }
    }

    /// Opens, configures and closes the device once, so a bad name, a busy device or one with
    /// no usable format is reported before a meeting starts rather than on its first chunk.
    /// Returns the rate and channel count the device agreed to.
    @discardableResult
    public func check() throws -> (rate: Int, channels: Int) {
        let (handle, config) = try ALSAPCM.open(device)
        snd_pcm_close(handle)
        return (config.rate, config.channels)
    }
}
