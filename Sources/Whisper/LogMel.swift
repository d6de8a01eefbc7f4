import Foundation
import Tensor

/// Whisper's audio front end: 16 kHz samples to a log-mel spectrogram, computed as
/// faster-whisper's `FeatureExtractor` does (25 ms periodic Hann window, 10 ms hop,
/// 400-point FFT, Slaney mel filters, log10, floor at max - 8, then (x + 4) / 4).
public struct LogMel: Sendable {
    public static let sampleRate = 16_000
    public static let nFFT = 400
    public static let hop = 160
    /// Frames in one 30 s window, the encoder's input length.
    public static let windowFrames = 3000

    public let nMels: Int
    let filters: [Float]  // [n_mels, n_fft / 2 + 1]
    let window: [Float]   // [n_fft]
    let fft: FFT

    public init(nMels: Int) {
        self.nMels = nMels
        // np.hanning(401)[:-1]: the periodic Hann window.
        window = (0..<Self.nFFT).map { Float(0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(Self.nFFT))) }
        fft = FFT(size: Self.nFFT)
        filters = Self.melFilters(nMels: nMels).map(Float.init)
    }

    /// The log-mel spectrogram of `samples`, `[frames, n_mels]` time-major, with
    /// `frames = samples.count / 160` (faster-whisper's "content frames").
    public func compute(_ samples: [Float]) -> (values: [Float], frames: Int) {
        let nBins = Self.nFFT / 2 + 1, half = Self.nFFT / 2
        // faster-whisper appends one hop of silence, then centres frames with reflect padding.
        var padded = samples + [Float](repeating: 0, count: Self.hop)
        if padded.count <= half { padded += [Float](repeating: 0, count: half + 1 - padded.count) }
        let length = padded.count
        let frames = length / Self.hop   // the STFT's last frame is dropped
        let contentFrames = frames - 1
        var power = [Float](repeating: 0, count: frames * nBins)   // [frames, n_bins]
        var scratch = Scratch()
        padded.withUnsafeBufferPointer { x in
            power.withUnsafeMutableBufferPointer { p in
                guard let pb = p.baseAddress else { return }
                for f in 0..<frames {
                    spectrum(frame: f, scratch: &scratch, into: pb + f * nBins) { t in
                        // Index into the reflect-padded signal.
                        var t = t
                        if t < 0 { t = -t }
                        if t >= length { t = 2 * (length - 1) - t }
                        return x[t]
                    }
                }
            }
        }
        var mel = melEnergies(power, frames: frames)   // [frames, n_mels]
        mel.removeLast(nMels)   // only content frames are kept
        var maxValue = -Float.infinity
        for i in mel.indices {
            let v = log10f(max(mel[i], 1e-10))
            mel[i] = v
            if v > maxValue { maxValue = v }
        }
        Self.normalise(&mel, maxLog: maxValue)
        return (mel, contentFrames)
    }

    /// Buffers for one frame's FFT, made once per spectrogram.
    struct Scratch {
        var re = [Double](repeating: 0, count: LogMel.nFFT), im = [Double](repeating: 0, count: LogMel.nFFT)
        var outRe = [Double](repeating: 0, count: LogMel.nFFT), outIm = [Double](repeating: 0, count: LogMel.nFFT)
    }

    /// The power spectrum `[n_bins]` of frame `f`, centred on sample `f * hop`; `sample(t)` is
    /// the padded signal at `t` in `-n_fft/2 ..< f * hop + n_fft/2`. Shared by the whole-file
    /// and the streaming spectrogram so that both give the same spectra, bit for bit.
    @inline(__always)
    func spectrum(frame f: Int, scratch s: inout Scratch, into p: UnsafeMutablePointer<Float>, sample: (Int) -> Float) {
        let half = Self.nFFT / 2
        for j in 0..<Self.nFFT {
            s.re[j] = Double(sample(f * Self.hop + j - half) * window[j])
            s.im[j] = 0
        }
        fft.transform(inRe: s.re, inIm: s.im, outRe: &s.outRe, outIm: &s.outIm)
        for k in 0...half {
            p[k] = Float(s.outRe[k] * s.outRe[k] + s.outIm[k] * s.outIm[k])
        }
    }

    /// Mel filter energies `[frames, n_mels]` of power spectra `[frames, n_bins]`. Always one
    /// matrix product of at least two rows: BLAS takes another path (sgemv) for one row.
    func melEnergies(_ power: [Float], frames: Int) -> [Float] {
        let nBins = Self.nFFT / 2 + 1
        let rows = max(frames, 2)
        var padded = power
        if frames < rows { padded += [Float](repeating: 0, count: (rows - frames) * nBins) }
        var mel = [Float](repeating: 0, count: rows * nMels)
        padded.withUnsafeBufferPointer { p in
            filters.withUnsafeBufferPointer { w in
                mel.withUnsafeMutableBufferPointer { m in
                    guard let pb = p.baseAddress, let wb = w.baseAddress, let mb = m.baseAddress else { return }
                    matmul(pb, lda: nBins, wb, ldb: nBins, transposeB: true, mb, ldc: nMels,
                           m: rows, n: nMels, k: nBins)
                }
            }
        }
        if frames < rows { mel.removeLast((rows - frames) * nMels) }
        return mel
    }

    /// Slaney-style mel filter bank, `[n_mels, n_bins]` row-major, as Whisper and
    /// faster-whisper build it (Tensor's `MelFilterbank`).
    static func melFilters(nMels: Int) -> [Double] {
        MelFilterbank.slaney(sampleRate: sampleRate, nFFT: nFFT, bands: nMels)
    }
}
