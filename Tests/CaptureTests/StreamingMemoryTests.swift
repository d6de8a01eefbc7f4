import Foundation
import Testing
@testable import Capture

/// A long meeting must not grow memory: three hours of silence go through the resampler and
/// the VAD in live-sized chunks, and every buffer stays at its fixed size.
@Suite struct StreamingMemoryTests {
    /// Resident memory of this process in bytes, from /proc/self/statm.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }

    @Test func threeHoursOfSilenceKeepBuffersBounded() {
        let seconds = 3 * 3600
        let inputRate = 48000
        let chunk = [Float](repeating: 0, count: inputRate)   // 1 s, reused
        var resampler = Resampler(inputRate: inputRate)
        var vad = VADStateMachine()
        var produced = 0
        var maxResamplerBuffer = 0
        var maxVADBuffer = 0
        var events: [VADEvent] = []
        let clock = ContinuousClock()
        let began = clock.now
        var rssAfterWarmup = 0
        for second in 0..<seconds {
            let out = resampler.process(chunk)
            produced += out.count
            events += vad.process(out)
            maxResamplerBuffer = max(maxResamplerBuffer, resampler.bufferedSampleCount)
            maxVADBuffer = max(maxVADBuffer, vad.bufferedSampleCount)
            if second == 60 { rssAfterWarmup = Self.residentBytes() }
        }
        let elapsed = clock.now - began
        let growth = Self.residentBytes() - rssAfterWarmup
        print("3 h of silence at 48 kHz through resampler + VAD: \(elapsed), resident growth \(growth / 1024) KiB")
        #expect(events.isEmpty)
        #expect(abs(produced - seconds * 16000) <= 64)
        #expect(maxResamplerBuffer <= inputRate + 256, "resampler keeps one chunk plus its filter")
        #expect(maxVADBuffer < vad.frameLength)
        // Resident size is only printed: tests running in parallel allocate and free around it.
    }

    /// The same bound when every sample takes the full path (filter taps, FFT): ten minutes
    /// of quiet noise at 44.1 kHz in 100 ms chunks.
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
