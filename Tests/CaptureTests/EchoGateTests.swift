import Foundation
import Testing
@testable import Capture

/// The echo decision alone (energies in, pass/mute out), then the gated microphone on
/// in-memory streams: the call's words in the microphone are silenced, the room's are not.
struct EchoGateTests {
    /// Energy (mean square) of a sine of amplitude `a`, and of -dB steps.
    static func energy(db: Float) -> Float { pow(10, db / 10) }

    @Test func aSilentCallNeverMutes() {
        var gate = EchoGate()
        for _ in 0..<100 {
            #expect(gate.decide(microphone: Self.energy(db: -20), call: Self.energy(db: -70)) == .pass)
            #expect(gate.decide(microphone: Self.energy(db: -20), call: nil) == .pass)
        }
    }

    @Test func theCallsEchoIsMutedAndTheCouplingFollowsIt() {
        var gate = EchoGate()
        // Speakers 12 dB quieter at the microphone than on the monitor.
        for _ in 0..<500 {
            #expect(gate.decide(microphone: Self.energy(db: -32), call: Self.energy(db: -20)) == .mute)
        }
        // Learnt downwards from 0 dB, never below the echo actually measured.
        #expect(gate.coupling < 0.5 && gate.coupling >= Self.energy(db: -12) * 0.999)
    }

    @Test func someoneInTheRoomTalkingOverTheCallPassesAfterThreeFrames() {
        var gate = EchoGate()
        for _ in 0..<1000 { _ = gate.decide(microphone: Self.energy(db: -32), call: Self.energy(db: -20)) }
        // 12 dB above the echo the call explains: the room speaking.
        let talk = (0..<6).map { _ in gate.decide(microphone: Self.energy(db: -20), call: Self.energy(db: -20)) }
        #expect(talk == [.mute, .mute, .pass, .pass, .pass, .pass])
        // One loud frame alone does not open it.
        _ = gate.decide(microphone: Self.energy(db: -32), call: Self.energy(db: -20))
        #expect(gate.decide(microphone: Self.energy(db: -20), call: Self.energy(db: -20)) == .mute)
    }

    @Test func aLouderEchoRaisesTheCouplingBeforeItLeaks() {
        var gate = EchoGate()
        for _ in 0..<2000 { _ = gate.decide(microphone: Self.energy(db: -40), call: Self.energy(db: -20)) }
        let learnt = gate.coupling
        // The volume goes up 5 dB: within the margin, so still echo, and learnt quickly.
        for _ in 0..<10 { #expect(gate.decide(microphone: Self.energy(db: -35), call: Self.energy(db: -20)) == .mute) }
        #expect(gate.coupling > learnt && gate.coupling > Self.energy(db: -15) * 0.9)
    }

    @Test func outsideNumbersDoNotTrap() {
        var gate = EchoGate()
        #expect(gate.decide(microphone: .nan, call: 1) == .pass)
        #expect(gate.decide(microphone: 1, call: .infinity) == .pass)
        #expect(gate.decide(microphone: 0, call: 1) == .mute)
        #expect(gate.coupling.isFinite)
    }

    /// The whole path: the call (bursts of "speech") recorded in the reference as its stream is
    /// read, the microphone carrying that call 12 dB down plus, later, someone in the room.
    @Test func theGatedMicrophoneKeepsTheRoomAndSilencesTheCall() async throws {
        let rate = 16000
        func burst(_ hz: Double, _ range: Range<Int>, amplitude: Double) -> [Float] {
            (0..<6 * rate).map { i in range.contains(i) ? Float(amplitude * sin(2 * .pi * hz * Double(i) / Double(rate))) : 0 }
        }
        let call = burst(220, rate..<3 * rate, amplitude: 0.3)                 // 1-3 s
        let room = burst(330, 4 * rate..<5 * rate, amplitude: 0.3)             // 4-5 s
        // The echo arrives 40 ms late and 12 dB down.
        let delay = 640
        let mic = (0..<call.count).map { i in (i >= delay ? call[i - delay] * 0.25 : 0) + room[i] }
        let (gated, callSide) = CallSource.pair(microphone: MemorySource(samples: mic), call: MemorySource(samples: call))
        var heardCall: [Float] = []
        for try await chunk in callSide.chunks() { heardCall += chunk.samples }
        #expect(heardCall == call)
        var heard: [Float] = []
        for try await chunk in gated.chunks() { heard += chunk.samples }
        #expect(heard.count == mic.count)
        let echo = EchoGate.energy(heard[rate + delay..<3 * rate])
        let kept = EchoGate.energy(heard[4 * rate + 960..<5 * rate])
        #expect(echo < 1e-7, "echo left: \(echo)")
        #expect(abs(kept - EchoGate.energy(room[4 * rate + 960..<5 * rate])) < 1e-6, "the room's burst must pass untouched")
        #expect(gated.mutedFrames >= 100)
    }

    /// Live captures start seconds apart: here the call's 3 s before the microphone's, so sample
    /// 0 of each is a different moment. Lined up by sample count, the echo (microphone 1-3 s) would
    /// meet the call's silence and pass, and the room (microphone 4.5-5.5 s) would meet the call's
    /// burst and be muted; lined up by capture time, the echo meets the burst it came from.
    @Test func capturesStartedSecondsApartAreLinedUpByCaptureTime() async throws {
        let rate = 16000, offset = 3 * rate
        func burst(_ hz: Double, _ range: Range<Int>, count: Int) -> [Float] {
            (0..<count).map { i in range.contains(i) ? Float(0.3 * sin(2 * .pi * hz * Double(i) / Double(rate))) : 0 }
        }
        let call = burst(220, 4 * rate..<6 * rate, count: 9 * rate)             // call time 4-6 s
        let room = burst(330, 9 * rate / 2..<11 * rate / 2, count: 6 * rate)    // microphone 4.5-5.5 s
        let delay = 640
        let mic = (0..<room.count).map { i in call[offset + i - delay] * 0.25 + room[i] }
        let started = 1000.0
        let (gated, callSide) = CallSource.pair(microphone: MemorySource(samples: mic, startTime: started + 3),
                                                call: MemorySource(samples: call, startTime: started))
        for try await _ in callSide.chunks() {}
        var heard: [Float] = []
        for try await chunk in gated.chunks() { heard += chunk.samples }
        #expect(heard.count == mic.count)
        let echo = EchoGate.energy(heard[rate + delay..<3 * rate])
        let kept = EchoGate.energy(heard[9 * rate / 2 + 960..<11 * rate / 2])
        #expect(echo < 1e-7, "echo left: \(echo)")
        #expect(abs(kept - EchoGate.energy(room[9 * rate / 2 + 960..<11 * rate / 2])) < 1e-6, "the room's burst must pass untouched")
    }
}

/// Fixed samples in 100 ms chunks, as a live source would deliver them; stamped with capture
/// times from `startTime` on when it is given.
struct MemorySource: AudioSource {
    let samples: [Float]
    var startTime: Double?
    var description: String { "memory" }

    func chunks() -> AsyncThrowingStream<AudioChunk, Error> {
        let samples = self.samples, startTime = self.startTime
        return AsyncThrowingStream { continuation in
            for start in stride(from: 0, to: samples.count, by: 1600) {
                let time = startTime.map { $0 + Double(start) / 16000 }
                continuation.yield(AudioChunk(samples: Array(samples[start..<min(samples.count, start + 1600)]), startSample: start, capturedAt: time))
            }
            continuation.finish()
        }
    }
}
