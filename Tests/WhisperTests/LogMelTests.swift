import Foundation
import Testing
import Capture
@testable import Whisper

@Suite struct LogMelTests {
    @Test func matchesFasterWhisperFeatureExtractor() throws {
        let wav = Fixtures.lines + "/dev-012.wav"
        let samples = try AudioFile.decode(path: wav)
        let reference = try Fixtures.reference(["mel", wav, "80"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(reference.utf8)) as? [String: Any])
        let frames = try #require(json["frames"] as? Int)
        let values = try #require(json["values"] as? [[Double]])   // [n_mels][frames]

        let mel = LogMel(nMels: 80).compute(samples)
        #expect(mel.frames == frames)
        #expect(frames == samples.count / 160)
        var maxError = 0.0, sumError = 0.0
        for m in 0..<80 {
            for f in 0..<min(frames, mel.frames) {
                let e = abs(Double(mel.values[f * 80 + m]) - values[m][f])
                maxError = max(maxError, e)
                sumError += e
            }
        }
        let meanError = sumError / Double(80 * frames)
        #expect(maxError < 1e-4, "max |ours - faster-whisper| = \(maxError)")
        #expect(meanError < 1e-5, "mean error \(meanError)")
    }

    @Test func melFiltersAreSlaneyTriangles() {
        let filters = LogMel.melFilters(nMels: 80)
        // Every band has weight somewhere, none is negative, and the lowest bands start at 0 Hz.
        for m in 0..<80 {
            let row = filters[(m * 201)..<((m + 1) * 201)]
            #expect(row.allSatisfy { $0 >= 0 })
            #expect(row.contains { $0 > 0 }, "band \(m) is empty")
        }
        #expect(filters[0] == 0)
        #expect(filters[1] > 0)
    }

    @Test func silenceIsFlat() {
        let mel = LogMel(nMels: 80).compute([Float](repeating: 0, count: 16_000))
        #expect(mel.frames == 100)
        // log10(1e-10) everywhere, which is also the max: (-10 + 4) / 4.
        #expect(mel.values.allSatisfy { abs($0 - (-1.5)) < 1e-6 })
    }
}
