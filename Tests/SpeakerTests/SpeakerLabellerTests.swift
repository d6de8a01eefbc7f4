import Capture
import Foundation
import Speaker
import TestSupport
import Testing

/// The labeller the speech stage drives, on real voices: utterances of two people laid end to
/// end as one stream, handed over as the speech stage does (heard chunk by chunk as spoken, a
/// speculative cut at a pause, then the final; sometimes speech goes on after the pause, so the
/// final is longer), must get the labels the encoder and the clustering give them one by one,
/// in order. The labeller's work runs beside, as the speech stage runs it.
@Suite struct SpeakerLabellerTests {
    /// One utterance of the stream: its range of sample indices and its samples.
    struct Cut {
        var range: Range<Int>
        var samples: [Float]

        /// The first `share` of it, as a speculative final cut at a pause inside it would be.
        func prefix(_ share: Double) -> Cut {
            let n = Int(Double(samples.count) * share)
            return Cut(range: range.lowerBound..<range.lowerBound + n, samples: Array(samples.prefix(n)))
        }
    }

    /// Allison, the reader, the digits speaker, Allison, the reader: five utterances, three voices
    /// (the order of scripts/speaker-meeting.py's "three" meeting).
    static func stream(_ voices: Voices) throws -> [Cut] {
        let sphinx = "/usr/share/pocketsphinx/test/data", allison = "/usr/share/asterisk/sounds/en_US_f_Allison"
        let files = [
            try voices.make("a1.wav", from: ["\(allison)/vm-intro.wav"]),
            try voices.make("r1.wav", from: ["\(sphinx)/librivox/sense_and_sensibility_01_austen_64kb-0870.wav"]),
            try voices.make("d1.wav", from: ["\(sphinx)/goforward.raw"]),
            try voices.make("a2.wav", from: ["\(allison)/agent-newlocation.wav"]),
            try voices.make("r2.wav", from: ["\(sphinx)/librivox/sense_and_sensibility_01_austen_64kb-0890.wav"]),
        ]
        var cuts: [Cut] = [], at = 0
        for file in files {
            let samples = try AudioFile.decode(path: file)
            cuts.append(Cut(range: at..<at + samples.count, samples: samples))
            at += samples.count + 16_000   // a second of silence between turns
        }
        return cuts
    }

    /// `body` with `labeller.run()` beside it, closed after, as `LiveTranscriber` runs it.
    static func running<T: Sendable>(_ labeller: SpeakerLabeller, _ body: () async -> T) async -> T {
        async let work: Void = labeller.run()
        let result = await body()
        labeller.close()
        await work
        return result
    }

    /// What the labels must be: each utterance embedded alone and clustered in order.
    static func reference(_ cuts: [Cut], weights: VoiceEncoderWeights) -> [Int] {
        var encoder = VoiceEncoder(weights: weights)
        var clustering = SpeakerStateMachine()
        return cuts.map { clustering.utterance(embedding: encoder.embed($0.samples[...]), duration: Double($0.samples.count) / 16_000).speaker }
    }

    @Test func preparedAheadGivesTheLabelsOfTheUtterancesInOrder() async throws {
        let weights = try VoiceEncoderTests.model.get()
        let voices = try Voices()
        defer { voices.remove() }
        let cuts = try Self.stream(voices)
        let expected = Self.reference(cuts, weights: weights)
        #expect(expected == [1, 2, 3, 1, 2], "the encoder and clustering alone: \(expected)")

        // As live: heard in 30 ms chunks, a speculative cut at a pause two thirds in (speech went
        // on), then the whole utterance at the pause that ends it, then its label once its text
        // is decoded.
        let live = SpeakerLabeller(weights: weights)
        let labels = await Self.running(live) {
            var labels: [Int] = []
            for cut in cuts {
                let early = cut.prefix(2.0 / 3)
                for at in stride(from: 0, to: cut.samples.count, by: 480) {
                    live.hear(Array(cut.samples[at..<min(at + 480, cut.samples.count)]), utteranceAt: cut.range.lowerBound)
                    if at + 480 >= early.samples.count && at < early.samples.count {
                        live.prepare(early.range, samples: early.samples)
                    }
                }
                live.prepare(cut.range, samples: cut.samples)
                labels.append(await live.speaker(of: cut.range, samples: cut.samples))
            }
            return labels
        }
        #expect(labels == expected)
        #expect(live.speakerCount == 3)

        // As a file read ahead of its decoding: every utterance handed over before any label.
        let file = SpeakerLabeller(weights: weights)
        let fileLabels = await Self.running(file) {
            for cut in cuts { file.prepare(cut.range, samples: cut.samples) }
            var fileLabels: [Int] = []
            for cut in cuts { fileLabels.append(await file.speaker(of: cut.range, samples: cut.samples)) }
            return fileLabels
        }
        #expect(fileLabels == expected)
    }

    /// An utterance that was cut but never labelled (Whisper heard no words in it) is forgotten:
    /// it neither opens a speaker nor moves one, so the next utterance is labelled as if it
    /// had not been there.
    @Test func anUtteranceLeftUnlabelledChangesNothing() async throws {
        let weights = try VoiceEncoderTests.model.get()
        let voices = try Voices()
        defer { voices.remove() }
        let cuts = try Self.stream(voices)
        let labeller = SpeakerLabeller(weights: weights)
        let labels = await Self.running(labeller) {
            labeller.hear(cuts[0].samples, utteranceAt: cuts[0].range.lowerBound)
            labeller.prepare(cuts[0].range, samples: cuts[0].samples)   // Allison: no text
            labeller.prepare(cuts[1].range, samples: cuts[1].samples)
            return [await labeller.speaker(of: cuts[1].range, samples: cuts[1].samples),
                    await labeller.speaker(of: cuts[3].range, samples: cuts[3].samples)]
        }
        #expect(labels == [1, 2])
        #expect(labeller.speakerCount == 2)
    }

    /// "Yes" after someone spoke is theirs: under a second inherits the previous speaker, even
    /// when it is another voice, as the clustering decides for files.
    @Test func aShortUtteranceInheritsThePreviousSpeaker() async throws {
        let weights = try VoiceEncoderTests.model.get()
        let voices = try Voices()
        defer { voices.remove() }
        let cuts = try Self.stream(voices)
        let labeller = SpeakerLabeller(weights: weights)
        let snippet = cuts[1].prefix(0.1)   // 0.7 s of the reader
        let labels = await Self.running(labeller) {
            let first = await labeller.speaker(of: cuts[0].range, samples: cuts[0].samples)
            labeller.prepare(snippet.range, samples: snippet.samples)
            return [first, await labeller.speaker(of: snippet.range, samples: snippet.samples)]
        }
        #expect(labels == [1, 1])
        #expect(labeller.speakerCount == 1)
        #expect(SpeakerLabeller.name(of: 2) == "Speaker 2")
    }

    /// Quitting: once the labeller's work is cancelled, whoever asks for a label is answered at
    /// once (with no embedding) instead of hanging the speech stage's shutdown.
    @Test(.timeLimit(.minutes(1))) func afterItsWorkIsCancelledLabelsAreAnsweredAtOnce() async throws {
        let weights = try VoiceEncoderTests.model.get()
        let voices = try Voices()
        defer { voices.remove() }
        let cuts = try Self.stream(voices)
        let labeller = SpeakerLabeller(weights: weights)
        let work = Task { await labeller.run() }
        work.cancel()
        await work.value
        labeller.prepare(cuts[0].range, samples: cuts[0].samples)
        let label = await labeller.speaker(of: cuts[0].range, samples: cuts[0].samples)
        #expect(label == 1)
        await labeller.run()   // a second run has nothing to do
    }
}
