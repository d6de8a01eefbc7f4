import Foundation

/// The call audio's loudness, 20 ms at a time, as its capture delivers it: what the microphone's
/// `EchoGate` compares against. Written by the call's stream, read by the microphone's; both
/// count samples from their own start, and live captures start together, so one frame index is
/// one moment on both (to within a chunk, which the echo window covers).
public final class EchoReference: @unchecked Sendable {
    // @unchecked: every field is touched only under `lock`.
    /// Samples per frame (20 ms at 16 kHz).
    public static let frameSamples = 320
    /// Frames kept: 10 s, far more than any echo delay.
    static let keptFrames = 500

    private let lock = NSLock()
    private var energies: [Float] = []     // [keptFrames] ring, frame i at i % keptFrames
    private var frames = 0                  // frames recorded since the start
    private var partial: [Float] = []       // samples of the frame in progress
    private var ended = false

    public init() {
        energies = [Float](repeating: 0, count: Self.keptFrames)
    }

    /// Adds call audio (in order, as captured).
    public func record(_ samples: [Float]) {
        lock.withLock {
            partial += samples
            var used = 0
            while partial.count - used >= Self.frameSamples {
                energies[frames % Self.keptFrames] = EchoGate.energy(partial[used..<used + Self.frameSamples])
                frames += 1
                used += Self.frameSamples
            }
            partial.removeFirst(used)
        }
    }

    /// The call's capture has ended: nothing more will come, so waiting for it is pointless.
    public func finish() { lock.withLock { ended = true } }

    /// Frames recorded so far, and whether the call's capture has ended.
    public var progress: (frames: Int, ended: Bool) { lock.withLock { (frames, ended) } }

    /// The loudest frame among `range` that has been recorded and is still kept, or nil if none is.
    public func peak(_ range: Range<Int>) -> Float? {
        lock.withLock {
            let lo = max(range.lowerBound, frames - Self.keptFrames, 0), hi = min(range.upperBound, frames)
            guard lo < hi else { return nil }
            var loudest: Float = 0
            for i in lo..<hi { loudest = max(loudest, energies[i % Self.keptFrames]) }
            return loudest
        }
    }
}
