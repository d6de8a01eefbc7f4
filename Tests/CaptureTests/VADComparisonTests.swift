import Foundation
import TestSupport
import Testing
@testable import Capture

/// The energy detector and Silero VAD side by side through the same state machine (threshold
/// 0.6, 1.5 s hangover, 100 ms chunks as a live stream): on the dev meetings, utterance
/// boundaries, speech missed and how long after a line ends its utterance is reported; on sox
/// clips with no speech (silence, noises, a tremolo sweep like music, keyboard-like clicks),
/// seconds taken for speech, which Whisper would fill with invented words.
@Suite struct VADComparisonTests {
    struct Row {
        var boundaries: [VADMeetingTests.Figures] = []
        var missedSeconds = 0.0
        var speechSeconds = 0.0
        var latencies: [Double] = []
        var falseSpeech: [String: Double] = [:]
        var audioSeconds = 0.0
        var runSeconds = 0.0
    }

    static let nonSpeech: [(name: String, synth: [String])] = [
        ("silence", ["synth", "10", "sine", "0", "vol", "0"]),
        ("dither", ["synth", "10", "whitenoise", "vol", "0.0003"]),
        ("white", ["synth", "10", "whitenoise", "vol", "0.1"]),
        ("pink", ["synth", "10", "pinknoise", "vol", "0.3"]),
        ("brown", ["synth", "10", "brownnoise", "vol", "0.3"]),
        ("music", ["synth", "10", "sine", "220-880", "tremolo", "4", "60", "vol", "0.3"]),
        ("chords", ["synth", "10", "pluck", "220", "vol", "0.3", "repeat", "0"]),
        ("keyboard", ["synth", "0.02", "whitenoise", "fade", "0", "0.02", "0.015", "vol", "0.5", "pad", "0", "0.13", "repeat", "66"]),
    ]

    /// Segments in seconds, each with the time (stream position) its `speechEnded` came out.
    static func run(_ samples: [Float], detector: VoiceDetector) -> [(start: Double, end: Double, reported: Double)] {
        var vad = VADStateMachine(threshold: 0.6, detector: detector)
        var out: [(Double, Double, Double)] = []
        var i = 0
        func take(_ events: [VADEvent], at sample: Int) {
            for case .speechEnded(let s, let e) in events { out.append((Double(s) / 16000, Double(e) / 16000, Double(sample) / 16000)) }
        }
        while i < samples.count {
            let end = min(samples.count, i + 1600)
            take(vad.process(Array(samples[i..<end])), at: end)
            i = end
        }
        take(vad.finish(), at: samples.count)
        return out
    }

    static func measure(_ detector: VoiceDetector, clips: [(String, String)]) throws -> Row {
        var row = Row()
        for n in 1...3 {
            let (samples, lines) = try VADMeetingTests.load(n)
            let clock = ContinuousClock()
            let started = clock.now
            let segments = run(samples, detector: detector)
            let elapsed = clock.now - started
            row.runSeconds += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            row.audioSeconds += Double(samples.count) / 16000
            let figures = VADMeetingTests.score(segments.map { ($0.start, $0.end) }, lines)
            row.boundaries.append(figures)
            for line in lines {
                let covered = segments.reduce(0.0) { $0 + max(0, min($1.end, line.end) - max($1.start, line.start)) }
                row.missedSeconds += line.end - line.start - covered
                row.speechSeconds += line.end - line.start
            }
            // Latency: from the end of the last line inside an utterance to its report.
            for s in segments {
                if let last = lines.filter({ $0.start < s.end && $0.end > s.start }).map(\.end).max() {
                    row.latencies.append(s.reported - last)
                }
            }
        }
        for (name, path) in clips {
            let samples = try AudioFile.decode(path: path)
            row.falseSpeech[name] = run(samples, detector: detector).reduce(0) { $0 + $1.end - $1.start }
        }
        return row
    }

    @Test func sileroAgainstTheEnergyDetector() throws {
        let silero = try SileroVADTests.model.get()
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let clips = try Self.nonSpeech.map { clip in
            let path = fixtures.path(clip.name + ".wav")
            try Fixtures.run("sox", ["-R", "-n", "-r", "16000", "-c", "1", "-b", "16", path] + clip.synth)
            return (clip.name, path)
        }
        let energy = try Self.measure(.energy, clips: clips)
        let neural = try Self.measure(.silero(silero), clips: clips)
        for (name, row) in [("energy", energy), ("silero", neural)] {
            let latency = row.latencies.sorted()
            for (n, figures) in row.boundaries.enumerated() { print("VAD \(name) meeting_0\(n + 1): \(figures)") }
            print("VAD \(name): speech missed \(String(format: "%.2f", row.missedSeconds)) s of \(String(format: "%.1f", row.speechSeconds)) s;",
                  "end reported after the last word: median \(String(format: "%.2f", latency[latency.count / 2])) s,",
                  "max \(String(format: "%.2f", latency.last ?? 0)) s;",
                  "\(String(format: "%.1f", row.runSeconds * 1000 / row.audioSeconds)) ms per second of audio; false speech (s):",
                  Self.nonSpeech.map { "\($0.name) \(String(format: "%.2f", row.falseSpeech[$0.name] ?? 0))" }.joined(separator: ", "))
        }
        // Silero invents no speech on any of the clips (the energy detector takes the tremolo
        // sweep and the clicks for speech), and loses neither a line nor a boundary for it.
        for (name, seconds) in neural.falseSpeech { #expect(seconds == 0, "silero took \(seconds) s of \(name) for speech") }
        for figures in neural.boundaries {
            #expect(figures.missedLines == 0 && figures.wrongSplits == 0 && figures.missedSplits == 0, "\(figures)")
            #expect(figures.meanStart < 0.1 && figures.meanEnd < 0.15 && figures.maxError < 0.4, "\(figures)")
        }
        #expect(neural.missedSeconds < 0.01 * neural.speechSeconds, "silero missed \(neural.missedSeconds) s of speech")
        // Reported within the 1.5 s hangover plus two frames and one 100 ms chunk.
        #expect((neural.latencies.max() ?? .infinity) < 1.5 + 0.064 + 0.1 + 0.05)
    }
}
