import CALSA
import Foundation

/// The body of the ALSA capture thread: open, read periods, assemble chunks, yield, recover
/// from overruns, close. Runs on its own `Thread` because `snd_pcm_readi` blocks.
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
        let handle: OpaquePointer
        do {
            handle = try ALSAPCM.open(device)
        } catch {
            continuation.finish(throwing: error)
            return
        }
        defer { snd_pcm_close(handle) }

        var period = [Int16](repeating: 0, count: ALSAPCM.periodFrames)
        var pending: [Float] = []
        pending.reserveCapacity(chunkFrames)
        var captured = 0
        var emitted = 0
        while !stop.isSet {
            var want = ALSAPCM.periodFrames
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
            for i in 0..<Int(got) { pending.append(Float(period[i]) / 32768) }
            if pending.count >= chunkFrames {
                yield(Array(pending.prefix(chunkFrames)), at: emitted)
                emitted += chunkFrames
                pending.removeFirst(chunkFrames)
            }
        }
        if !pending.isEmpty { yield(pending, at: emitted) }
        continuation.finish()
    }

    private func yield(_ samples: [Float], at start: Int) {
        if case .dropped = continuation.yield(AudioChunk(samples: samples, startSample: start)) {
            drops.add()
        }
    }
}
