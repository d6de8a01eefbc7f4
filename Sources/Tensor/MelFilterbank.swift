import Foundation

/// The mel filter bank Whisper and Resemblyzer both compute with: librosa's
/// `filters.mel(sr, n_fft, n_mels)` with htk=False and norm="slaney", `[bands, n_fft / 2 + 1]`
/// row-major. The mel scale is linear below 1 kHz and logarithmic above; each triangle is
/// scaled by 2 / its width in Hz so that every band has the same area.
public enum MelFilterbank {
    public static func slaney(sampleRate: Int, nFFT: Int, bands: Int) -> [Double] {
        let sr = Double(sampleRate), bins = nFFT / 2 + 1
        let fftFreqs = (0..<bins).map { Double($0) * sr / Double(nFFT) }
        let fSp = 200.0 / 3, minLogHz = 1000.0, minLogMel = minLogHz / fSp, logStep = log(6.4) / 27
        let hzToMel = { (hz: Double) in hz >= minLogHz ? minLogMel + log(hz / minLogHz) / logStep : hz / fSp }
        let maxMel = hzToMel(sr / 2)
        let freqs: [Double] = (0..<(bands + 2)).map { i in
            let mel = maxMel * Double(i) / Double(bands + 1)
            return mel >= minLogMel ? minLogHz * exp(logStep * (mel - minLogMel)) : fSp * mel
        }
        var weights = [Double](repeating: 0, count: bands * bins)
        for m in 0..<bands {
            let lowerWidth = freqs[m + 1] - freqs[m], upperWidth = freqs[m + 2] - freqs[m + 1]
            let enorm = 2 / (freqs[m + 2] - freqs[m])
            for k in 0..<bins {
                let lower = (fftFreqs[k] - freqs[m]) / lowerWidth
                let upper = (freqs[m + 2] - fftFreqs[k]) / upperWidth
                weights[m * bins + k] = max(0, min(lower, upper)) * enorm
            }
        }
        return weights
    }
}
