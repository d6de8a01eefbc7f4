import Foundation
import Testing
@testable import Capture

@Suite struct ResamplerTests {
    func sine(_ hz: Double, rate: Int, count: Int) -> [Float] {
        (0..<count).map { Float(0.5 * sin(2 * Double.pi * hz * Double($0) / Double(rate))) }
    }

    @Test(arguments: [8000, 11025, 22050, 32000, 44100, 48000, 88200, 96000, 44099, 7999])
    func lengthAndPitchAreKept(rate: Int) {
        let out = Resampler.resample(sine(440, rate: rate, count: rate * 2), from: rate)
        #expect(out.count == 32000)
        #expect(abs(Signal.frequency(out, rate: 16000) - 440) < 0.5)
        // Passband gain: a 440 Hz tone keeps its amplitude within 0.1 dB.
        #expect(abs(Signal.magnitude(out, at: 440, rate: 16000) - 0.25) < 0.003)
    }

    @Test func streamingInOddChunksEqualsOneShot() {
        let input = sine(1000, rate: 44100, count: 44100)
        let whole = Resampler.resample(input, from: 44100)
        var r = Resampler(inputRate: 44100)
        var pieces: [Float] = []
        var i = 0
        for size in [1, 7, 441, 1000, 3, 4410] where i < input.count {
            pieces += r.process(Array(input[i..<min(input.count, i + size)]))
            i += size
        }
        pieces += r.process(Array(input[i...]))
        pieces += r.flush()
        #expect(pieces.count == whole.count)
        #expect(zip(pieces, whole).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    /// The shortcut for windows of pure digital silence gives what the full filter would.
    @Test func silenceShortcutMatchesTheFilter() {
        let tone = sine(440, rate: 48000, count: 4800)
        let zeros = [Float](repeating: 0, count: 4800)
        let tiny = [Float](repeating: 1e-30, count: 4800)
        let a = Resampler.resample(zeros + tone + zeros, from: 48000)
        let b = Resampler.resample(tiny + tone + tiny, from: 48000)
        #expect(a.count == b.count)
        #expect(zip(a, b).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    @Test func constantStaysConstant() {
        let out = Resampler.resample([Float](repeating: 0.25, count: 22050), from: 22050)
        #expect(out[100..<15900].allSatisfy { abs($0 - 0.25) < 1e-4 })
    }
}
