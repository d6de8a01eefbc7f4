import CPulse
import Foundation

/// The body of the PulseAudio capture thread: open, read 20 ms periods, assemble chunks, close.
struct PulseCaptureLoop: @unchecked Sendable {
    // @unchecked: the continuation and counters are thread-safe; the value only moves once,
    // into the thread that owns it.
    let source: PulseSource
    let drops: DropCounter
    let stop: StopFlag
    let continuation: AsyncThrowingStream<AudioChunk, Error>.Continuation

    func run() {
        let stream: OpaquePointer
        do {
            stream = try source.open()
        } catch {
            continuation.finish(throwing: error)
            return
        }
        defer { pa_simple_free(stream) }
        var period = [UInt8](repeating: 0, count: PulseSource.periodFrames * 2)
        var pending: [Float] = []
        pending.reserveCapacity(2 * source.chunkFrames)
        var captured = 0, emitted = 0
        while !stop.isSet {
            var want = PulseSource.periodFrames
            if let maxFrames = source.maxFrames {
                want = min(want, maxFrames - captured)
                if want <= 0 { break }
            }
            var error: Int32 = 0
            let rc = period.withUnsafeMutableBytes { pa_simple_read(stream, $0.baseAddress, want * 2, &error) }
            guard rc >= 0 else {
                let reason = PulseSource.reason(error, server: source.server)
                continuation.finish(throwing: CaptureError.deviceRead(device: source.description, reason: reason))
                return
            }
            captured += want
            pending += period.withUnsafeBytes { RawPCM.decodeS16LE(Data($0.prefix(want * 2))) }
            let readAt = CaptureClock.now()
            let latency = pending.count >= source.chunkFrames ? Self.latency(stream) : 0
            while pending.count >= source.chunkFrames {
                let time = CaptureClock.start(of: source.chunkFrames, readAt: readAt,
                                              buffered: pending.count - source.chunkFrames, latency: latency)
                yield(Array(pending.prefix(source.chunkFrames)), at: emitted, time: time)
                emitted += source.chunkFrames
                pending.removeFirst(source.chunkFrames)
            }
        }
        if !pending.isEmpty {
            yield(pending, at: emitted, time: CaptureClock.start(of: pending.count, readAt: CaptureClock.now(), buffered: 0))
        }
        continuation.finish()
    }

    /// Seconds of sound captured but not read yet (the server's buffer and the source's own
    /// delay): how long ago the last sample read reached the device. 0 when the server cannot say.
    private static func latency(_ stream: OpaquePointer) -> Double {
        var error: Int32 = 0
        let usec = pa_simple_get_latency(stream, &error)
        guard usec != pa_usec_t.max, usec < 10_000_000 else { return 0 }
        return Double(usec) / 1e6
    }

    private func yield(_ samples: [Float], at start: Int, time: Double) {
        if case .dropped = continuation.yield(AudioChunk(samples: samples, startSample: start, capturedAt: time)) {
            drops.add()
        }
    }
}
