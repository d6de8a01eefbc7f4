import Foundation
import Testing
@testable import Capture

/// The resampler and the VAD keep fixed-size buffers however long they run. (Three hours of
/// a file through the whole live path, with resident memory asserted, is in SpeechTests.)
@Suite struct StreamingMemoryTests {
    /// Every sample takes the full path (filter taps, FFT): ten minutes of quiet noise at
    /// 44.1 kHz in 100 ms chunks.
    @Test func tenMinutesOfNoiseKeepBuffersBounded() {
        let inputRate = 44100
        var seed: UInt32 = 1
        let chunk = (0..<inputRate / 10).map { _ -> Float in
            seed = seed &* 1_664_525 &+ 1_013_904_223
            return (Float(seed >> 8) / Float(1 << 24) - 0.5) * 0.01
        }
        var resampler = Resampler(inputRate: inputRate)
        var vad = VADStateMachine()
        var maxResamplerBuffer = 0
        var maxVADBuffer = 0
        var events: [VADEvent] = []
        for _ in 0..<(10 * 60 * 10) {
            events += vad.process(resampler.process(chunk))
            maxResamplerBuffer = max(maxResamplerBuffer, resampler.bufferedSampleCount)
            maxVADBuffer = max(maxVADBuffer, vad.bufferedSampleCount)
        }
        #expect(events.isEmpty)
        #expect(maxResamplerBuffer <= chunk.count + 256)
        #expect(maxVADBuffer < vad.frameLength)
    }
}
