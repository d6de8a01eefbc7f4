import Capture
import Foundation
import Speaker
import Tensor
import TestSupport
import Testing

/// The embedding worked out while an utterance is spoken must be the one `VoiceEncoder.embed`
/// gives the whole utterance (itself checked against Resemblyzer in `VoiceEncoderTests`), so the
/// live labels are the ones the whole-utterance path gave: for any length, shorter than one
/// partial or several LSTM batches long, loud (partials embedded ahead are kept) or quiet
/// (raised to -30 dBFS at the end, every partial embedded again), heard in chunks of any size.
@Suite struct UtteranceEmbeddingTests {
    /// Embeddings may differ by the rounding of a different LSTM batching, no more.
    static let tolerance: Float = 1e-6

    /// A LibriVox reader, 20 s: five sentences laid end to end.
    static func reader(_ voices: Voices) throws -> [Float] {
        let path = try voices.make("reader-long.wav", from: ["0870", "0880", "0890", "0920", "0930"].map {
            "/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-\($0).wav"
        })
        return try AudioFile.decode(path: path)
    }

    /// `samples` heard in chunks of 10-120 ms, with partials embedded ahead after each chunk, as
    /// the labeller does while capture goes on.
    static func heard(_ samples: ArraySlice<Float>, encoder: inout VoiceEncoder, random: inout SeededRandom) -> UtteranceEmbedding {
        var utterance = UtteranceEmbedding()
        var at = samples.startIndex
        while at < samples.endIndex {
            let end = min(samples.endIndex, at + 160 + Int(random.next() % 1760))
            utterance.append(samples[at..<end])
            while utterance.advance(encoder: &encoder) {}
            at = end
        }
        return utterance
    }

    static func largestDifference(_ a: [Float], _ b: [Float]) -> Float {
        a.count == b.count ? zip(a, b).map { abs($0 - $1) }.max() ?? 0 : .infinity
    }

    @Test func equalsTheWholeUtterancesEmbeddingAtAnyLengthLoudOrQuiet() throws {
        var encoder = VoiceEncoder(weights: try VoiceEncoderTests.model.get())
        let voices = try Voices()
        defer { voices.remove() }
        let reader = try Self.reader(voices)
        #expect(reader.count > 12 * 16_000)
        var random = SeededRandom(seed: 13)
        // Around one partial (25 600 samples; its frames read 25 640), the coverage rule of the
        // last partial, several batches of eight, and random lengths.
        var lengths = [0, 1, 2_400, 16_000, 25_599, 25_600, 25_639, 25_640, 25_641, 38_000, 16_000 * 9]
        lengths += (0..<4).map { _ in Int(random.next() % UInt64(12 * 16_000)) }
        for volume: Float in [1, 0.02] {
            let audio = reader.map { $0 * volume }
            for n in lengths {
                let utterance = Self.heard(audio[..<n], encoder: &encoder, random: &random)
                let whole = encoder.embed(audio[..<n])
                let ahead = utterance.embedding(encoder: &encoder)
                let difference = Self.largestDifference(ahead, whole)
                #expect(difference <= Self.tolerance, "\(n) samples at volume \(volume): differs by \(difference)")
                // Both ways to the end are taken: the reader reads at about -24 dBFS.
                if n >= 25_640 { #expect(utterance.isQuiet() == (volume < 1), "\(n) samples at volume \(volume)") }
                // The point of it: all but the last partial or two are done before the end.
                if n >= 25_640 {
                    #expect(utterance.embeddedAhead >= (n - 25_640) / 12_320 + 1, "\(n) samples: \(utterance.embeddedAhead) ahead")
                }
            }
        }
    }

    /// A speculative cut at a pause is an embedding of fewer samples than were heard; then speech
    /// goes on, and the final's embedding is the whole utterance's.
    @Test func aCutBeforeTheEndOfWhatWasHeardIsTheCutsEmbedding() throws {
        var encoder = VoiceEncoder(weights: try VoiceEncoderTests.model.get())
        let voices = try Voices()
        defer { voices.remove() }
        let reader = try Self.reader(voices)
        var random = SeededRandom(seed: 7)
        var utterance = Self.heard(reader[..<(8 * 16_000)], encoder: &encoder, random: &random)
        for cut in [5 * 16_000, 7 * 16_000 + 333, 8 * 16_000] {
            let difference = Self.largestDifference(utterance.embedding(of: cut, encoder: &encoder), encoder.embed(reader[..<cut]))
            #expect(difference <= Self.tolerance, "cut at \(cut): differs by \(difference)")
        }
        utterance.append(reader[(8 * 16_000)..<(11 * 16_000)])
        while utterance.advance(encoder: &encoder) {}
        let difference = Self.largestDifference(utterance.embedding(encoder: &encoder), encoder.embed(reader[..<(11 * 16_000)]))
        #expect(difference <= Self.tolerance, "after speech went on: differs by \(difference)")
        #expect(utterance.agrees(with: reader[..<(12 * 16_000)]))
        #expect(!utterance.agrees(with: reader[1...]))
    }

    /// What is left at the cut, timed for the report: the ending of an utterance whose partials
    /// were embedded while it was spoken, against the whole utterance embedded at its end (what
    /// the final waited for before). One BLAS thread, as the labeller runs.
    @Test func theEndingTakesLessTimeThanTheWholeUtterance() throws {
        var encoder = VoiceEncoder(weights: try VoiceEncoderTests.model.get())
        let voices = try Voices()
        defer { voices.remove() }
        let reader = try Self.reader(voices)
        let threads = BLAS.threads
        BLAS.setThreads(1)
        defer { BLAS.setThreads(threads) }
        let clock = ContinuousClock()
        func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
        var random = SeededRandom(seed: 1)
        for seconds in [2, 4, 7, 12] {
            let utterance = reader[..<(seconds * 16_000)]
            _ = encoder.embed(utterance)   // warm
            let whole = clock.measure { _ = encoder.embed(utterance) }
            let heard = Self.heard(utterance, encoder: &encoder, random: &random)
            let ending = clock.measure { _ = heard.embedding(encoder: &encoder) }
            print(String(format: "speaker embedding of %d s at the cut: whole %.0f ms, heard ahead %.0f ms (%d partials ahead)",
                         seconds, ms(whole), ms(ending), heard.embeddedAhead))
            // At most two partials are left for the ending, against seven or more in one or two
            // batches for the whole.
            if seconds >= 7 { #expect(ending < whole, "\(seconds) s: ending \(ms(ending)) ms, whole \(ms(whole)) ms") }
        }
    }

    /// How often the work ahead is thrown away: utterances quieter than -30 dBFS are embedded
    /// again whole at their end. The dev meetings, cut as `run` cuts them (energy VAD, 0.5 s
    /// pause, 0.3 s before the speech), must almost never be.
    @Test func theDevMeetingsAreLoudEnoughToKeepTheWorkAhead() throws {
        let dir = Repository.shared.appendingPathComponent("eval/audio/meetings")
        var utterances = 0, quiet = 0
        for name in ["meeting_01", "meeting_02", "meeting_03"] {
            let path = dir.appendingPathComponent(name + ".wav").path
            guard FileManager.default.fileExists(atPath: path) else {
                Issue.record("\(path) is missing: the eval set is in /work/shared (ln -s /work/shared beside the repository)")
                return
            }
            let samples = try AudioFile.decode(path: path)
            var vad = VADStateMachine(hangover: 0.5)
            for event in vad.process(samples) + vad.finish() {
                guard case .speechEnded(let start, let end) = event else { continue }
                var utterance = UtteranceEmbedding()
                utterance.append(samples[max(0, start - 4_800)..<min(end, samples.count)])
                utterances += 1
                if utterance.isQuiet() { quiet += 1 }
            }
        }
        print("utterances quieter than -30 dBFS in the dev meetings: \(quiet) of \(utterances)")
        #expect(utterances >= 40)
        #expect(Double(quiet) <= 0.05 * Double(utterances), "\(quiet) of \(utterances) utterances embedded again at their end")
    }
}
