import Foundation
import Testing
@testable import Capture

@Suite struct VADStateMachineTests {
    func noise(_ f: Fixtures, _ kind: String, seconds: Double, volume: Double) throws -> [Float] {
        let wav = try f.synth("\(kind).wav", format: ["-r", "16000", "-c", "1", "-b", "16"], seconds: seconds,
                              [kind, "vol", String(volume)])
        return try AudioFile.decode(path: wav)
    }

    func speechEvents(_ samples: [Float], chunk: Int = 1600) -> [VADEvent] {
        var vad = VADStateMachine()
        var events: [VADEvent] = []
        var i = 0
        while i < samples.count {
            events += vad.process(Array(samples[i..<min(samples.count, i + chunk)]))
            i += chunk
        }
        return events + vad.finish()
    }

    @Test func silenceHasNoSpeech() {
        var vad = VADStateMachine()
        let events = vad.process([Float](repeating: 0, count: 16000 * 10)) + vad.finish()
        #expect(events.isEmpty)
        #expect(vad.lastProbability < 0.01)
    }

    @Test(arguments: ["whitenoise", "pinknoise", "brownnoise"], [0.01, 0.3])
    func steadyNoiseHasNoSpeech(kind: String, volume: Double) throws {
        let f = try Fixtures()
        defer { f.remove() }
        let events = speechEvents(try noise(f, kind, seconds: 20, volume: volume))
        #expect(events.isEmpty, "\(kind) at \(volume): \(events)")
    }

    /// Noise that switches on after silence is learnt as the new floor, not taken for a talker.
    @Test(arguments: ["whitenoise", "pinknoise", "brownnoise"])
    func noiseOnsetIsNotSpeech(kind: String) throws {
        let f = try Fixtures()
        defer { f.remove() }
        let samples = [Float](repeating: 0, count: 32000) + (try noise(f, kind, seconds: 10, volume: 0.1))
        let events = speechEvents(samples)
        #expect(events.isEmpty, "\(kind): \(events)")
    }

    /// One meeting with pink noise mixed in at 10 dB below the speech.
    @Test func speechInNoiseIsStillSegmented() throws {
        let f = try Fixtures()
        defer { f.remove() }
        let (speech, lines) = try VADMeetingTests.load(1)
        let speechRMS = AudioLevel.rms(speech.enumerated().filter { i, _ in
            lines.contains { Double(i) / 16000 >= $0.start && Double(i) / 16000 < $0.end }
        }.map(\.1))
        var pink = try noise(f, "pinknoise", seconds: Double(speech.count) / 16000 + 1, volume: 0.5)
        let scale = speechRMS / AudioLevel.rms(pink) / Float(10).squareRoot()   // 10 dB SNR
        pink = pink.map { $0 * scale }
        let mixed = zip(speech, pink).map { $0 + $1 }
        let figures = VADMeetingTests.score(VADMeetingTests.segments(mixed), lines)
        print("VAD meeting_01 + pink noise at 10 dB SNR: \(figures)")
        #expect(figures.missedLines == 0 && figures.missedSplits == 0 && figures.wrongSplits == 0, "\(figures)")
        #expect(figures.meanStart < 0.15 && figures.meanEnd < 0.25, "\(figures)")
    }

    /// Two words (espeak-ng) after 0.5 s of silence, a 0.8 s pause, the two words again, then
    /// 3 s of silence; and the length of the two words in samples.
    func twoWordsTwice() throws -> (samples: [Float], word: Int) {
        let f = try Fixtures()
        defer { f.remove() }
        let wav = f.path("w.wav")
        try Fixtures.run("espeak-ng", ["-w", wav, "Purple button"])
        let word = try AudioFile.decode(path: wav)
        let silence = { (s: Double) in [Float](repeating: 0, count: Int(s * 16000)) }
        return (silence(0.5) + word + silence(0.8) + word + silence(3), word.count)
    }

    @Test func hangoverKeepsShortPausesAndEndsAtOneAndAHalfSeconds() throws {
        let samples = try twoWordsTwice().samples
        var vad = VADStateMachine()
        var events: [(at: Int, VADEvent)] = []
        var i = 0
        while i < samples.count {
            let chunk = Array(samples[i..<min(samples.count, i + 480)])
            i += chunk.count
            events += vad.process(chunk).map { (i, $0) }
        }
        #expect(events.count == 2, "\(events)")
        guard events.count == 2, case .speechStarted(let s) = events[0].1,
              case .speechEnded(let s2, let e) = events[1].1 else { return }
        #expect(s == s2 && abs(s - 8000) < 1600)
        // The end is reported 1.5 s after the last speech frame, not before.
        let lastSpeech = Double(e) / 16000
        let reportedAt = Double(events[1].at) / 16000
        #expect(abs(reportedAt - lastSpeech - 1.5) < 0.05, "\(reportedAt) \(lastSpeech)")
        #expect(!vad.inSpeech)
    }

    /// `pause` names the end of an utterance well before the hangover confirms it.
    @Test func pauseNamesTheEndBeforeTheHangoverConfirmsIt() throws {
        let (samples, word) = try twoWordsTwice()
        var vad = VADStateMachine()
        var pauses: [(at: Int, end: Int, seconds: Double)] = []
        var ended: (at: Int, end: Int)?
        var i = 0
        while i < samples.count {
            let chunk = Array(samples[i..<min(samples.count, i + 480)])
            i += chunk.count
            for case .speechEnded(_, let e) in vad.process(chunk) { ended = (i, e) }
            if let p = vad.pause { pauses.append((i, p.endSample, p.seconds)) }
        }
        guard let ended else { Issue.record("no end of speech"); return }
        #expect(vad.pause == nil)
        // The pause between the words ends inside the utterance, before the second word.
        let firstWordEnd = Double(8000 + word) / 16000
        #expect(pauses.contains { abs(Double($0.end) / 16000 - firstWordEnd) < 0.3 && $0.seconds > 0.5 })
        // The last pause names the very sample the utterance ends on, 1.3 s before the event.
        let early = pauses.first { $0.end == ended.end && $0.seconds >= 0.15 }
        #expect(early.map { ended.at - $0.at >= Int(1.3 * 16000) } == true, "\(pauses.suffix(3)) \(ended)")
    }

    @Test func thresholdIsConfigurable() throws {
        let (samples, _) = try VADMeetingTests.load(2)
        let strict = VADMeetingTests.segments(samples, threshold: 0.95)
        let loose = VADMeetingTests.segments(samples, threshold: 0.3)
        let speechTime = { (s: [(Double, Double)]) in s.reduce(0) { $0 + $1.1 - $1.0 } }
        #expect(speechTime(strict) < speechTime(loose))
    }

    @Test func longMonologueIsCutAtMaxUtterance() {
        // A 200 Hz buzz with harmonics, rising and falling four times a second like syllables.
        let tone = (0..<16000 * 12).map { i -> Float in
            let t = Double(i) / 16000
            let voice = 0.2 * sin(2 * .pi * 200 * t) + 0.1 * sin(2 * .pi * 400 * t) + 0.05 * sin(2 * .pi * 800 * t)
            return Float(voice * (0.55 + 0.45 * sin(2 * .pi * 4 * t)))
        }
        var vad = VADStateMachine(maxUtterance: 5)
        let events = vad.process([Float](repeating: 0, count: 8000) + tone) + vad.finish()
        let ends = events.compactMap { e -> Int? in if case .speechEnded(let s, let end) = e { return end - s } else { return nil } }
        #expect(ends.count == 3, "\(events)")
        #expect(ends.allSatisfy { $0 <= 5 * 16000 })
    }

    /// Feeding the same audio in odd-sized pieces gives the same events as in whole frames.
    @Test func chunkSizeDoesNotMatter() throws {
        let (samples, _) = try VADMeetingTests.load(1)
        let part = Array(samples.prefix(16000 * 20))
        #expect(speechEvents(part, chunk: 480) == speechEvents(part, chunk: 777))
    }

    /// After a noise stops, quieter speech than the noise is heard again: an adopted floor
    /// does not outlive the noise.
    @Test func quietSpeechAfterLoudNoiseStops() throws {
        let f = try Fixtures()
        defer { f.remove() }
        let wav = f.path("w.wav")
        try Fixtures.run("espeak-ng", ["-w", wav, "Add a search bar to the header."])
        let speech = try AudioFile.decode(path: wav).map { $0 * 0.05 }
        let rumble = try noise(f, "pinknoise", seconds: 4, volume: 0.3)
        #expect(AudioLevel.rms(rumble) > 3 * AudioLevel.rms(speech))
        // Quiet room, then the noise switches on (and is adopted as the floor), then stops.
        let samples = [Float](repeating: 0, count: 16000) + rumble + [Float](repeating: 0, count: 32000) + speech
            + [Float](repeating: 0, count: 32000)
        let events = speechEvents(samples)
        let starts = events.compactMap { e -> Int? in if case .speechStarted(let s) = e { return s } else { return nil } }
        let speechAt = 16000 + rumble.count + 32000
        #expect(starts.contains { abs($0 - speechAt) < 4800 }, "\(events)")
        #expect(starts.allSatisfy { $0 >= speechAt - 4800 }, "the rumble itself is not speech: \(events)")
    }
}
