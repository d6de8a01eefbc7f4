import Foundation
import TestSupport
import Testing
@testable import Capture

/// VAD on the dev meetings (/work/shared/eval/audio/meetings): 14-15 lines each, four voices,
/// gaps of 0.4-3.0 s, meeting 3 with room noise. Each line's start/end comes from the JSON.
@Suite struct VADMeetingTests {
    struct Line: Decodable {
        let start: Double
        let end: Double
        let gap_before: Double
    }

    struct Meeting: Decodable {
        let lines: [Line]
    }

    struct Figures: CustomStringConvertible {
        var segments = 0
        var expected = 0        // utterances if every pause of >= 1.5 s ends one
        var startErrors: [Double] = []
        var endErrors: [Double] = []
        var wrongSplits = 0     // a pause of <= 1.4 s cut an utterance
        var missedSplits = 0    // a pause of >= 1.6 s did not end one
        var missedLines = 0     // a line with no detected speech in it

        var meanStart: Double { startErrors.reduce(0, +) / Double(max(1, startErrors.count)) }
        var meanEnd: Double { endErrors.reduce(0, +) / Double(max(1, endErrors.count)) }
        var maxError: Double { (startErrors + endErrors).max() ?? 0 }
        var description: String {
            String(format: "segments %d (1.5 s rule: %d), start error mean %.3f s, end error mean %.3f s, max %.3f s, wrong splits %d, missed splits %d, missed lines %d",
                   segments, expected, meanStart, meanEnd, maxError, wrongSplits, missedSplits, missedLines)
        }
    }

    static func load(_ n: Int) throws -> (samples: [Float], lines: [Line]) {
        let dir = Repository.shared.appendingPathComponent("eval/audio/meetings")
        let json = try Data(contentsOf: dir.appendingPathComponent("meeting_0\(n).json"))
        let meeting = try JSONDecoder().decode(Meeting.self, from: json)
        return (try AudioFile.decode(path: dir.appendingPathComponent("meeting_0\(n).wav").path), meeting.lines)
    }

    /// Runs the VAD as a live stream would (100 ms chunks) and returns segments in seconds.
    static func segments(_ samples: [Float], gain: Float = 1, threshold: Float = 0.6,
                         detector: VoiceDetector = .energy) -> [(Double, Double)] {
        var vad = VADStateMachine(threshold: threshold, detector: detector)
        var events: [VADEvent] = []
        var i = 0
        while i < samples.count {
            let chunk = samples[i..<min(samples.count, i + 1600)].map { $0 * gain }
            events += vad.process(chunk)
            i += 1600
        }
        events += vad.finish()
        return events.compactMap {
            if case .speechEnded(let s, let e) = $0 { return (Double(s) / 16000, Double(e) / 16000) }
            return nil
        }
    }

    static func score(_ segments: [(Double, Double)], _ lines: [Line]) -> Figures {
        var f = Figures()
        f.segments = segments.count
        f.expected = 1 + lines.dropFirst().filter { $0.gap_before >= 1.5 }.count
        for (s, e) in segments {
            f.startErrors.append(lines.map { abs($0.start - s) }.min() ?? 0)
            f.endErrors.append(lines.map { abs($0.end - e) }.min() ?? 0)
        }
        for (k, line) in lines.enumerated() {
            if !segments.contains(where: { $0.0 < line.end && $0.1 > line.start }) { f.missedLines += 1 }
            guard k > 0 else { continue }
            let pause = (lines[k - 1].end, line.start)
            let split = segments.contains { abs($0.1 - pause.0) < 0.5 } && segments.contains { abs($0.0 - pause.1) < 0.5 }
            let spans = segments.contains { $0.0 < pause.0 && $0.1 > pause.1 }
            if line.gap_before <= 1.4, !spans || split { f.wrongSplits += 1 }
            if line.gap_before >= 1.6, spans { f.missedSplits += 1 }
        }
        return f
    }

    @Test(arguments: [1, 2, 3])
    func segmentBoundariesMatchTheScript(meeting: Int) throws {
        let (samples, lines) = try Self.load(meeting)
        let figures = Self.score(Self.segments(samples), lines)
        print("VAD meeting_0\(meeting): \(figures)")
        #expect(figures.missedLines == 0)
        #expect(figures.wrongSplits == 0)
        #expect(figures.missedSplits == 0)
        #expect(figures.meanStart < 0.1 && figures.meanEnd < 0.15, "\(figures)")
        #expect(figures.maxError < 0.4, "\(figures)")
    }

    /// Level independence: the same meeting 20 dB quieter segments the same way.
    @Test func quietSpeechSegmentsTheSame() throws {
        let (samples, lines) = try Self.load(1)
        let figures = Self.score(Self.segments(samples, gain: 0.1), lines)
        print("VAD meeting_01 at -20 dB: \(figures)")
        #expect(figures.missedLines == 0 && figures.wrongSplits == 0 && figures.missedSplits == 0)
        #expect(figures.meanStart < 0.1 && figures.meanEnd < 0.15, "\(figures)")
    }
}

/// The 40 single dev lines, 10 of them degraded (pink noise at 19-28 dB SNR, or 14-22 dB
/// quieter): each is one sentence, so each must come out as exactly one utterance.
@Suite struct VADLineTests {
    struct Row: Decodable {
        let wav: String
        let kind: String
        let noisy: Bool
        let degrade: String?
    }

    @Test func everyLineIsOneUtterance() throws {
        let audio = Repository.shared.appendingPathComponent("eval/audio")
        let manifest = try String(contentsOf: audio.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
        let rows = try manifest.split(separator: "\n").map { try JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
            .filter { $0.kind == "line" }
        #expect(rows.count == 40)
        var wrong: [String] = []
        var coverage: [Double] = []
        for row in rows {
            let samples = try AudioFile.decode(path: audio.appendingPathComponent(row.wav).path)
            let segments = VADMeetingTests.segments(samples)
            if segments.count != 1 { wrong.append("\(row.wav) (\(row.degrade ?? "clean")): \(segments)") }
            let speech = segments.reduce(0) { $0 + $1.1 - $1.0 }
            coverage.append(speech / (Double(samples.count) / 16000))
        }
        let mean = coverage.reduce(0, +) / Double(coverage.count)
        print("VAD dev lines: \(rows.count - wrong.count)/\(rows.count) one utterance; speech covers \(String(format: "%.2f", mean)) of each file on average")
        #expect(wrong.isEmpty, "\(wrong)")
    }
}
