import Foundation
import Tensor

/// Resemblyzer's front end (`audio.wav_to_mel_spectrogram`): librosa's power mel spectrogram,
/// not a log one, with a 25 ms periodic Hann window, 10 ms hop, 400-point FFT, 40 Slaney mel
/// bands, frames centred with zero padding (librosa >= 0.10's default). Allocates its output only.
struct SpeakerMel: Sendable {
    static let sampleRate = 16_000
    static let nFFT = 400
    static let hop = 160
    static let bins = nFFT / 2 + 1
    static let bands = VoiceEncoderWeights.melBands

    private let filters: [Float]  // [bands, bins]
    private let window: [Double]  // [nFFT]
    private let fft: FFT

    init() {
        window = (0..<Self.nFFT).map { 0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(Self.nFFT)) }
        fft = FFT(size: Self.nFFT)
        filters = Self.melFilters().map(Float.init)
    }

    /// Frames in the spectrogram of `count` samples: one every hop, centred.
    static func frames(samples count: Int) -> Int { 1 + count / hop }

    /// Samples heard before frame `frame`'s window has all it reads (later ones fall outside it).
    static func settled(frame: Int) -> Int { frame * hop + nFFT / 2 }

    /// `[frames, bands]`, time-major.
    func compute(_ samples: UnsafeBufferPointer<Float>) -> [Float] {
        compute(samples, frames: 0..<Self.frames(samples: samples.count))
    }

    /// Frames `range` of the spectrogram of `samples`, zeros past their end as in `compute`:
    /// `[range.count, bands]`. A frame reads only the samples under its window, so the frames of
    /// audio still being heard can be computed a few at a time, each once.
    func compute(_ samples: UnsafeBufferPointer<Float>, frames range: Range<Int>) -> [Float] {
        let frames = range.count, half = Self.nFFT / 2, b = Self.bins
        var power = [Float](repeating: 0, count: frames * b)  // [frames, bins]
        var re = [Double](repeating: 0, count: Self.nFFT), im = re, outRe = re, outIm = re
        for (row, f) in range.enumerated() {
            for j in 0..<Self.nFFT {
                let t = f * Self.hop + j - half
                re[j] = t >= 0 && t < samples.count ? Double(samples[t]) * window[j] : 0
                im[j] = 0
            }
            fft.transform(inRe: re, inIm: im, outRe: &outRe, outIm: &outIm)
            for k in 0..<b { power[row * b + k] = Float(outRe[k] * outRe[k] + outIm[k] * outIm[k]) }
        }
        var mel = [Float](repeating: 0, count: frames * Self.bands)  // [frames, bands]
        power.withUnsafeBufferPointer { p in
            filters.withUnsafeBufferPointer { w in
                mel.withUnsafeMutableBufferPointer { m in
                    guard frames > 0, let pb = p.baseAddress, let wb = w.baseAddress, let mb = m.baseAddress else { return }
                    matmul(pb, lda: b, wb, ldb: b, transposeB: true, mb, ldc: Self.bands, m: frames, n: Self.bands, k: b)
                }
            }
        }
        return mel
    }

    /// librosa's `filters.mel(sr=16000, n_fft=400, n_mels=40)` (Tensor's `MelFilterbank`).
    static func melFilters() -> [Double] {
        MelFilterbank.slaney(sampleRate: sampleRate, nFFT: nFFT, bands: bands)
    }
}
