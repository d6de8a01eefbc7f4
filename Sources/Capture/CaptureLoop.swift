import CALSA
import Foundation

/// The body of the ALSA capture thread: open in the device's own format, read periods, downmix
/// and resample to 16 kHz mono, assemble chunks, yield, recover from overruns, close. Runs on its own `Thread` because `snd_pcm_readi` blocks.
struct CaptureLoop: @unchecked Sendable {
    // @unchecked: the continuation and counters are thread-safe; the struct only moves once,
    // into the thread that owns it.
    let device: String
    let chunkFrames: Int
    let maxFrames: Int?
    let drops: DropCounter
    let stop: StopFlag
    let continuation: AsyncThrowingStream<AudioChunk, Error>.Continuation

    func run() {
        let handle: OpaquePointer, config: ALSAPCM.Config
        do {
            (handle, config) = try ALSAPCM.open(device)
        } catch {
            continuation.finish(throwing: error)
            return
        }
        defer { snd_pcm_close(handle) }

        var period = [UInt8](repeating: 0, count: config.periodFrames * config.frameBytes)
        // A pass-through when the device runs at 16 kHz.
        var resampler = Resampler(inputRate: config.rate, outputRate: AudioFile.sampleRate)
        var pending: [Float] = []
        pending.reserveCapacity(2 * chunkFrames)
        var captured = 0
        var emitted = 0
        while !stop.isSet {
            var want = config.periodFrames
            if let maxFrames {
                want = min(want, maxFrames - captured)
                if want <= 0 { break }
            }
            let got = period.withUnsafeMutableBytes { snd_pcm_readi(handle, $0.baseAddress, snd_pcm_uframes_t(want)) }
            if got < 0 {
                // Overrun (-EPIPE) or suspend (-ESTRPIPE): recover and carry on; anything else ends capture.
                let recovered = snd_pcm_recover(handle, Int32(got), 1)
                if recovered < 0 {
                    continuation.finish(throwing: CaptureError.deviceRead(device: device, reason: ALSAPCM.message(Int32(got))))
                    return
                }
                continue
            }
            if got == 0 { continue }
            captured += Int(got)
            let mono = period.withUnsafeBytes { ALSAPCM.downmix($0, frames: Int(got), config: config) }
            pending += resampler.process(mono)
            let readAt = CaptureClock.now()
            let waiting = Self.framesWaiting(handle, rate: config.rate)
            while pending.count >= chunkFrames {
                let time = CaptureClock.start(of: chunkFrames, readAt: readAt, buffered: pending.count - chunkFrames + waiting)
                yield(Array(pending.prefix(chunkFrames)), at: emitted, time: time)
                emitted += chunkFrames
                pending.removeFirst(chunkFrames)
            }
        }
        pending += resampler.flush()
        let readAt = CaptureClock.now()
        while !pending.isEmpty {
            let n = min(chunkFrames, pending.count)
            yield(Array(pending.prefix(n)), at: emitted, time: CaptureClock.start(of: n, readAt: readAt, buffered: pending.count - n))
            emitted += n
            pending.removeFirst(n)
        }
        continuation.finish()
    }

    /// Frames the device has captured that are not read yet, in 16 kHz samples: how long ago the
    /// last frame read reached it. 0 when the device cannot say.
    private static func framesWaiting(_ handle: OpaquePointer, rate: Int) -> Int {
        var delay = snd_pcm_sframes_t(0)
        guard snd_pcm_delay(handle, &delay) == 0, delay > 0, rate > 0 else { return 0 }
        let frames = min(Int(delay), 10 * rate)
        return frames * AudioFile.sampleRate / rate
    }

    private func yield(_ samples: [Float], at start: Int, time: Double) {
        if case .dropped = continuation.yield(AudioChunk(samples: samples, startSample: start, capturedAt: time)) {
            drops.add()
        }
    }
}

/// Set by the consumer going away, read by the capture thread between periods.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    func set() { lock.withLock { stopped = true } }
    var isSet: Bool { lock.withLock { stopped } }
}
