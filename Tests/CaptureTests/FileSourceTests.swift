import Foundation
import TestSupport
import Testing
@testable import Capture

/// A clock that jumps forward when asked to sleep, recording each sleep.
final class ManualPacingClock: PacingClock, @unchecked Sendable {
    private let lock = NSLock()
    private var time = 100.0
    private var sleeps: [Double] = []

    func now() -> Double { lock.withLock { time } }

    func sleep(seconds: Double) async throws {
        lock.withLock {
            sleeps.append(seconds)
            time += seconds
        }
    }

    /// Lets time pass without a sleep, as slow processing would.
    func advance(_ seconds: Double) { lock.withLock { time += seconds } }

    var slept: [Double] { lock.withLock { sleeps } }
}

@Suite struct FileSourceTests {
    @Test func chunksCoverTheFileInOrder() async throws {
        let f = try Fixtures()
        defer { f.remove() }
        let wav = try f.synth("t.wav", format: ["-r", "44100", "-c", "2", "-b", "16"], seconds: 2.05, ["sine", "440"])
        let expected = try AudioFile.decode(path: wav)
        let clock = ManualPacingClock()
        let source = FileSource(path: wav, realtime: false, chunkSamples: 1600, clock: clock)
        var got: [Float] = []
        var count = 0
        for try await chunk in source.chunks() {
            #expect(chunk.startSample == got.count)
            got.append(contentsOf: chunk.samples)
            count += 1
        }
        #expect(got == expected)
        #expect(count == 21)   // 20 full chunks and an 800-sample tail
        #expect(clock.slept.isEmpty)
    }

    @Test func realtimeDeliversAtWallClockPace() async throws {
        let f = try Fixtures()
        defer { f.remove() }
        let wav = try f.synth("t.wav", format: ["-r", "16000", "-c", "1", "-b", "16"], seconds: 3, ["sine", "440"])
        let clock = ManualPacingClock()
        let source = FileSource(path: wav, realtime: true, chunkSamples: 1600, clock: clock)
        let start = clock.now()
        var lateness: [Double] = []
        var first = true
        for try await chunk in source.chunks() {
            // A chunk arrives no earlier than the moment its last sample would be heard.
            let due = start + Double(chunk.startSample + chunk.samples.count) / 16000
            lateness.append(clock.now() - due)
            if first {
                // Slow processing of the first chunk must be caught up, not added to the schedule.
                clock.advance(0.35)
                first = false
            }
        }
        #expect(lateness.count == 30)
        #expect(lateness.allSatisfy { $0 >= -1e-9 })
        #expect(abs(clock.now() - start - 3.0) < 1e-6, "3 s of audio takes 3 s")
        // Chunks 2-4 were due by 100.4 s, already past after the stall: no sleep for them.
        #expect(clock.slept.count == 30 - 3, "the 0.35 s stall skips the sleeps it already covered")
    }

    /// A recording is decoded as it is consumed, never loaded: the first seconds of a
    /// three-hour 48 kHz stereo WAV (2 GB) cost a block of memory, and come out as 16 kHz mono.
    @Test func aLongFileIsReadAsItIsConsumed() async throws {
        let f = try Fixtures()
        defer { f.remove() }
        let wav = try TestWAV.sparse(f.path("long.wav"), seconds: 3 * 3600, rate: 48000, channels: 2)
        let before = ProcessMemory.residentBytes()
        var samples = 0
        for try await chunk in FileSource(path: wav, realtime: false).chunks() {
            #expect(chunk.startSample == samples && chunk.samples.allSatisfy { $0 == 0 })
            samples += chunk.samples.count
            if samples >= 16000 * 30 { break }
        }
        let growth = ProcessMemory.residentBytes() - before
        #expect(samples == 16000 * 30)
        #expect(growth < 16 << 20, "resident memory grew by \(growth >> 20) MB for 30 s of a 3 h file")
    }

    @Test func missingFileFailsTheStreamWithOneLine() async throws {
        let source = FileSource(path: "/nonexistent/meeting.wav", realtime: false)
        var message = ""
        do {
            for try await _ in source.chunks() {}
        } catch {
            message = (error as? LocalizedError)?.errorDescription ?? ""
        }
        #expect(message == "/nonexistent/meeting.wav: cannot read audio file (no such file)")
    }

    @Test func levelMeterTracksLoudness() {
        #expect(AudioLevel.meter([Float](repeating: 0, count: 160)) == 0)
        let full = (0..<1600).map { Float(sin(Double($0) * 0.2)) }
        let quiet = full.map { $0 * 0.01 }   // -40 dB
        #expect(abs(AudioLevel.meter(full) - (1 - 3.01 / 60)) < 0.01)
        #expect(abs(AudioLevel.meter(quiet) - (1 - 43.01 / 60)) < 0.01)
        #expect(abs(AudioLevel.peak(full) - 1) < 0.001)
        #expect(AudioChunk(samples: quiet, startSample: 0).level == AudioLevel.meter(quiet))
    }
}
