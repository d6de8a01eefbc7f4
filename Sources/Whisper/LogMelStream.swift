import Foundation
import Tensor

/// Whisper's log-mel spectrogram computed as the samples arrive, holding only the samples the
/// next frames need: the same frames and ceiling as `LogMel.compute` on the whole recording, the
/// same power spectra bit for bit, and mel energies within a float32 step or two of its (BLAS
/// rounds a product's row differently with the matrix's height).
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
    /// Power spectra `[pendingFrames, n_bins]` not yet through the mel filters.
    private var pending: [Float] = []
    private var pendingFrames = 0
    public private(set) var maxLog = -Float.infinity

    public init(nMels: Int) {
        logMel = LogMel(nMels: nMels)
    }

    /// Takes the next samples; returns the log10 mel energies `[k, n_mels]` of the `k` frames
    /// they complete (before the floor and scaling `LogMel.normalise` applies).
    public mutating func append(_ block: [Float]) -> [Float] {
        samples += block
        // Frame f reads up to sample f * hop + n_fft/2, and frame 0 reflects to sample n_fft/2.
        let end = start + samples.count
        var last = nextFrame
        while (last * LogMel.hop) + LogMel.nFFT / 2 + 1 <= end { last += 1 }
        spectra(upTo: last, paddedLength: nil)
        return energies(final: false)
    }

    /// The recording has ended: the frames left (zero beyond its last sample, as faster-whisper
    /// pads it), and the survey for a second pass.
    public mutating func finish() -> (values: [Float], survey: Survey) {
        let total = start + samples.count
        let content = total / LogMel.hop
        // As `LogMel.compute`: one more STFT frame than content frames, over the signal padded
        // with a hop of silence (at least n_fft/2 + 1 long) and reflected at its end.
        spectra(upTo: content + 1, paddedLength: max(total + LogMel.hop, LogMel.nFFT / 2 + 1))
        var values = energies(final: true)
        values.removeLast(logMel.nMels)
        return (values, Survey(frames: content, maxLog: maxLog))
    }

    /// Power spectra of the frames up to `last` (exclusive), onto `pending`.
    private mutating func spectra(upTo last: Int, paddedLength: Int?) {
        guard last > nextFrame else { return }
        let nBins = LogMel.nFFT / 2 + 1, half = LogMel.nFFT / 2
        let first = pendingFrames, count = last - nextFrame
        pending += [Float](repeating: 0, count: count * nBins)
        let firstFrame = nextFrame, offset = start, available = samples.count
        let length = paddedLength ?? Int.max
        let logMel = logMel
        samples.withUnsafeBufferPointer { x in
            pending.withUnsafeMutableBufferPointer { p in
                guard let pb = p.baseAddress else { return }
                // Frames are independent: a block's are spread over the threads, which would
                // otherwise wait while one core computes them.
                Parallel.ranges(count, minimum: 16) { part in
                    var scratch = LogMel.Scratch()
                    for i in part {
                        logMel.spectrum(frame: firstFrame + i, scratch: &scratch, into: pb + (first + i) * nBins) { t in
                            // Reflect at the start (and at the padded end); past the last sample, the
                            // hop of silence faster-whisper appends.
                            var t = t < 0 ? -t : t
                            if t >= length { t = 2 * (length - 1) - t }
                            let index = t - offset
                            return index < available ? x[index] : 0
                        }
                    }
                }
            }
        }
        pendingFrames += count
        nextFrame = last
        // Keep what the next frame reads; frames 0 and 1 reflect into the first samples.
        let keepFrom = max(0, nextFrame * LogMel.hop - half)
        if keepFrom > start, paddedLength == nil {
            samples.removeFirst(min(samples.count, keepFrom - start))
            start = keepFrom
        }
    }

    /// Mel energies (log10) of the pending spectra, in batches of `batch` rows (a product per
    /// few dozen frames, not one per block read), and of the rest at the end.
    private mutating func energies(final: Bool) -> [Float] {
        let nBins = LogMel.nFFT / 2 + 1
        let rows = final ? pendingFrames : pendingFrames / Self.batch * Self.batch
        guard rows > 0 else { return [] }
        var mel = logMel.melEnergies(Array(pending[0..<(rows * nBins)]), frames: rows)
        pending.removeFirst(rows * nBins)
        pendingFrames -= rows
        let content = final ? mel.count - logMel.nMels : mel.count
        for i in mel.indices {
            let v = log10f(max(mel[i], 1e-10))
            mel[i] = v
            if i < content, v > maxLog { maxLog = v }
        }
        return mel
    }

    /// Rows per mel product.
    static let batch = 64
}

extension LogMel {
    /// Whisper's scaling of log10 energies: floored at the recording's loudest minus 8, then
    /// (x + 4) / 4, in place.
    static func normalise(_ values: inout [Float], maxLog: Float) {
        let floor = maxLog - 8
        for i in values.indices { values[i] = (max(values[i], floor) + 4) / 4 }
    }
}
