import Foundation

/// The call audio's loudness, 20 ms at a time, keyed by when it was captured: what the
/// microphone's `EchoGate` compares against. Written by the call's stream, read by the
/// microphone's. Each input counts samples from its own start, and live captures start, and
/// their readers run, seconds apart on a busy machine; so frames are filed under their capture
/// time (`AudioChunk.capturedAt`, the shared `CaptureClock`), and the microphone looks up the call
/// by its own frames' capture times. Chunks without a capture time (files) use their sample
/// position as the time, which lines up two files read from their starts.
public final class EchoReference: @unchecked Sendable {
    // @unchecked: every field is touched only under `lock`.
    /// Samples per frame (20 ms at 16 kHz), and the frame's length in seconds.
    public static let frameSamples = 320
    public static let frameSeconds = Double(frameSamples) / Double(AudioFile.sampleRate)
    /// Frames kept: 10 s, far more than any echo delay or lag between the two readers.
    static let keptFrames = 500

    private let lock = NSLock()
    private var energies: [Float]           // [keptFrames] ring, time slot s at s % keptFrames
    private var slots: [Int]                // the slot each ring entry holds (stale ones differ)
    private var latest: Double = -.infinity // capture time of the end of the newest call audio
    private var ended = false

    public init() {
        energies = [Float](repeating: 0, count: Self.keptFrames)
        slots = [Int](repeating: .min, count: Self.keptFrames)
    }

    /// The time line position of `chunk`'s first sample, in seconds.
    public static func time(of chunk: AudioChunk) -> Double {
        chunk.capturedAt ?? Double(chunk.startSample) / Double(AudioFile.sampleRate)
    }

    /// The 20 ms slot holding the moment `time`, or nil for a time no slot can hold.
    static func slot(_ time: Double) -> Int? {
        let s = (time / frameSeconds).rounded(.down)
        guard s.isFinite, abs(s) < 1e15 else { return nil }
        return Int(s)
    }

    /// Adds a chunk of call audio (as captured, in any order): each 20 ms of it under the slot of
    /// its capture time.
    public func record(_ chunk: AudioChunk) {
        let start = Self.time(of: chunk), rate = Double(AudioFile.sampleRate)
        lock.withLock {
            var offset = 0
            while offset < chunk.samples.count {
                let end = min(offset + Self.frameSamples, chunk.samples.count)
                if let slot = Self.slot(start + (Double(offset) + Double(end - offset) / 2) / rate) {
                    let i = slot % Self.keptFrames, index = i < 0 ? i + Self.keptFrames : i
                    energies[index] = EchoGate.energy(chunk.samples[offset..<end])
                    slots[index] = slot
                }
                offset = end
            }
            latest = max(latest, start + Double(chunk.samples.count) / rate)
        }
    }

    /// The call's capture has ended: nothing more will come, so waiting for it is pointless.
    public func finish() { lock.withLock { ended = true } }

    /// Capture time up to which call audio has been recorded, and whether the capture has ended.
    public var progress: (through: Double, ended: Bool) { lock.withLock { (latest, ended) } }

    /// The loudest call frame captured between `from` and `to` (seconds) that is recorded and
    /// still kept, or nil if none is.
    public func peak(from: Double, to: Double) -> Float? {
        guard let lo = Self.slot(from), let hi = Self.slot(to), lo <= hi else { return nil }
        return lock.withLock {
            var loudest: Float?
            for slot in lo...min(hi, lo + Self.keptFrames - 1) {
                let i = slot % Self.keptFrames, index = i < 0 ? i + Self.keptFrames : i
                if slots[index] == slot { loudest = max(loudest ?? 0, energies[index]) }
            }
            return loudest
        }
    }
}
