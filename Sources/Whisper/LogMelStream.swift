import Foundation

/// Whisper's log-mel spectrogram computed as the samples arrive, frame for frame the same bits
/// as `LogMel.compute` on the whole recording, holding only the samples the next frames need.
///
/// faster-whisper floors every value at the recording's loudest minus 8 (log10), so a stream
/// is read twice: once through `append`/`finish` for that ceiling and the frame count (a
/// `Survey`), then again by `WhisperSession.transcribe(survey:read:)`, which keeps only the
/// 30 s window it is decoding.
public struct LogMelStream {
    /// What one pass over a recording tells the second: its length in frames and its loudest
    /// log10 mel energy.
    public struct Survey: Sendable, Equatable {
        public let frames: Int
        public let maxLog: Float
    }

    let logMel: LogMel
    /// Samples `[start, start + samples.count)` of the recording.
    private var samples: [Float] = []
    private var start = 0
    /// The next frame to compute.
    private var nextFrame = 0
    public private(set) var maxLog = -Float.infinity

    public init(nMels: Int) {
        logMel = LogMel(nMels: nMels)
    }

    /// Frames computed so far.
    public var frames: Int { nextFrame }

    /// Takes the next samples; returns the log10 mel energies `[k, n_mels]` of the `k` frames
    /// they complete (before the floor and scaling `LogMel.normalise` applies).
    public mutating func append(_ block: [Float]) -> [Float] {
        samples += block
        // Frame f reads up to sample f * hop + n_fft/2, and frame 0 reflects to sample n_fft/2.
        let end = start + samples.count
        var last = nextFrame
        while (last * LogMel.hop) + LogMel.nFFT / 2 + 1 <= end { last += 1 }
        return compute(upTo: last, total: nil)
    }

    /// The recording has ended: the frames left (zero beyond its last sample, as faster-whisper
    /// pads it), and the survey for a second pass.
    public mutating func finish() -> (values: [Float], survey: Survey) {
        let total = start + samples.count
        let values = compute(upTo: total / LogMel.hop, total: total)
        return (values, Survey(frames: nextFrame, maxLog: maxLog))
    }

    private mutating func compute(upTo last: Int, total: Int?) -> [Float] {
        guard last > nextFrame else { return [] }
        let nBins = LogMel.nFFT / 2 + 1, half = LogMel.nFFT / 2
        let count = last - nextFrame
        var power = [Float](repeating: 0, count: count * nBins)   // [count, n_bins]
        var scratch = LogMel.Scratch()
        let first = nextFrame, offset = start
        let available = samples.count
        samples.withUnsafeBufferPointer { x in
            power.withUnsafeMutableBufferPointer { p in
                guard let pb = p.baseAddress else { return }
                for i in 0..<count {
                    logMel.spectrum(frame: first + i, scratch: &scratch, into: pb + i * nBins) { t in
                        // Reflect at the start; past the end, the hop of silence faster-whisper appends.
                        let index = (t < 0 ? -t : t) - offset
                        return index < available ? x[index] : 0
                    }
                }
            }
        }
        var mel = logMel.melEnergies(power, frames: count)   // [count, n_mels]
        for i in mel.indices {
            let v = log10f(max(mel[i], 1e-10))
            mel[i] = v
            if v > maxLog { maxLog = v }
        }
        nextFrame = last
        // Keep what the next frame reads; frames 0 and 1 reflect into the first samples.
        let keepFrom = max(0, nextFrame * LogMel.hop - half)
        if keepFrom > start, total == nil {
            samples.removeFirst(min(samples.count, keepFrom - start))
            start = keepFrom
        }
        return mel
    }
}

extension LogMel {
    /// Whisper's scaling of log10 energies: floored at the recording's loudest minus 8, then
    /// (x + 4) / 4, in place.
    static func normalise(_ values: inout [Float], maxLog: Float) {
        let floor = maxLog - 8
        for i in values.indices { values[i] = (max(values[i], floor) + 4) / 4 }
    }
}
