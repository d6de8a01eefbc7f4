import Foundation

/// Speech probability for each 30 ms frame, robust to background noise and input level.
///
/// Nothing here uses an absolute level except a gate far below any voice: every feature is
/// relative. An adaptive noise floor (of the 300-3400 Hz band energy) tracks the minimum of the
/// last 3 s, so it falls at once to quieter frames and follows louder noise. A frame looks
/// like speech when its band energy stands well above that floor, its spectrum is peaky (low
/// flatness: harmonics and formants), most of its energy lies in the voice band, and its
/// zero-crossing rate is not that of hiss. The combined score is smoothed with a fast attack
/// and a slower release, so a syllable's decay does not flicker.
public struct SpeechDetector: Sendable {
    public let sampleRate: Int
    public let frameLength: Int
    private var spectrum: PowerSpectrum
    private let bandBins: ClosedRange<Int>
    private var floorDB: Float?
    private var blockMinima = [Float](repeating: .infinity, count: floorWindowBlocks)  // ring
    private var nextBlock = 0
    private var blockMin: Float = .infinity
    private var blockFrames = 0
    private var adoptedFloor: Float?
    private var adoptedFramesLeft = 0
    /// Floor window: 6 blocks of 16 frames (0.48 s) = about 3 s.
    static let floorWindowBlocks = 6
    static let framesPerBlock = 16
    private var smoothed: Float = 0

    /// Below this (dBFS) a frame is silence whatever its shape: digital zero, dither.
    static let gateDB: Float = -70
    /// How far above the noise floor a frame must be to count as clearly louder.
    static let snrMidpointDB: Float = 8

    public init(sampleRate: Int = 16000) {
        self.sampleRate = sampleRate
        frameLength = sampleRate * 30 / 1000
        spectrum = PowerSpectrum(frameLength: frameLength)
        let hzPerBin = Float(sampleRate) / Float(spectrum.size)
        let low = Int((300 / hzPerBin).rounded())
        let high = min(spectrum.size / 2, Int((3400 / hzPerBin).rounded()))
        bandBins = max(1, low)...max(low + 1, high)
    }

    /// Noise floor of the voice band in dB, once a frame has been seen.
    public var noiseFloorDB: Float? { floorDB }
    /// Voice-band energy of the last frame in dB; the state machine watches how it varies.
    public private(set) var lastBandDB: Float = -120

    /// Takes a level the caller has found to be steady noise as the new floor (a fan switched
    /// on), instead of waiting for the 3 s minimum window to catch up.
    public mutating func adoptFloor(_ db: Float) {
        adoptedFloor = max(adoptedFloor ?? db, db)
        adoptedFramesLeft = Self.floorWindowBlocks * Self.framesPerBlock
        floorDB = max(floorDB ?? db, db)
    }

    /// Probability in 0...1 that this frame (of `frameLength` samples) holds speech.
    public mutating func probability(_ frame: UnsafeBufferPointer<Float>) -> Float {
        precondition(frame.count == frameLength, "frames must be \(frameLength) samples")
        var energy: Float = 0
        var crossings = 0
        for i in 0..<frame.count {
            energy += frame[i] * frame[i]
            if i > 0, (frame[i - 1] < 0) != (frame[i] < 0) { crossings += 1 }
        }
        let levelDB = 10 * log10(energy / Float(frame.count) + 1e-12)
        if levelDB < Self.gateDB {
            // Below the gate the answer is 0 whatever the spectrum says; skip the FFT, which is
            // most of the cost of a muted microphone or a file's silent stretches.
            lastBandDB = levelDB
            _ = updateFloor(bandDB: levelDB)
            smoothed *= 0.75
            return smoothed
        }
        spectrum.analyse(frame)

        var band: Float = 0, total: Float = 1e-12, logSum: Float = 0
        for k in 1..<spectrum.power.count { total += spectrum.power[k] }
        for k in bandBins {
            let p = spectrum.power[k] + 1e-12
            band += p
            logSum += log(p)
        }
        let bins = Float(bandBins.count)
        let flatness = exp(logSum / bins) / (band / bins)     // 1 = white, near 0 = tonal
        let bandRatio = band / total
        let zcr = Float(crossings) / Float(frame.count)
        let bandDB = 10 * log10(band / Float(frame.count) + 1e-12)
        lastBandDB = bandDB

        let floor = updateFloor(bandDB: bandDB)
        let snr = bandDB - floor

        var logit = 0.55 * (snr - Self.snrMidpointDB)
        logit += 6 * (0.45 - flatness)
        logit += 2 * (bandRatio - 0.5)
        logit -= zcr > 0.35 ? 8 * (zcr - 0.35) : 0
        let p = 1 / (1 + exp(-logit))

        // Fast attack, slow release.
        smoothed = p > smoothed ? 0.3 * smoothed + 0.7 * p : 0.75 * smoothed + 0.25 * p
        return smoothed
    }

    /// Minimum statistics: the floor is the quietest frame of the last few seconds (kept as
    /// minima of 0.5 s blocks in a fixed ring, so memory never grows). It drops at once when the
    /// room gets quieter and follows a louder noise within `floorWindowBlocks` blocks, while
    /// speech, which always has quieter gaps between words, cannot lift it.
    private mutating func updateFloor(bandDB: Float) -> Float {
        blockMin = min(blockMin, bandDB)
        blockFrames += 1
        if blockFrames == Self.framesPerBlock {
            blockMinima[nextBlock] = blockMin
            nextBlock = (nextBlock + 1) % blockMinima.count
            blockMin = .infinity
            blockFrames = 0
        }
        var floor = blockMin
        for m in blockMinima { floor = min(floor, m) }
        if let adopted = adoptedFloor {
            // A floor adopted from steady noise holds for one window length: by then the window
            // has either caught up with the noise or seen it stop, and is right again on its own.
            adoptedFramesLeft -= 1
            if adoptedFramesLeft <= 0 { adoptedFloor = nil } else { floor = max(floor, adopted) }
        }
        floorDB = floor
        return floor
    }
}
