import Capture
import Foundation
import Speaker
import Tensor
import TestSupport
import Testing

/// The Swift d-vector encoder against Resemblyzer 0.1.4 itself: real PyTorch (Debian's
/// python3-torch) and librosa in the venv scripts/venv.sh makes (`ReferencePython.resemblyzer`), running
/// scripts/reference/resemblyzer_reference.py on the same `pretrained.pt` that `make models`
/// converted. Every utterance's embedding must agree with cosine >= 0.999. The utterances are
/// real voices from Debian packages: one shorter than a partial, one of exactly one partial,
/// several of a few partials, one long enough for several LSTM batches, and a quiet one that
/// goes through the volume normalisation.
@Suite struct VoiceEncoderTests {
    static let modelDirectory = ModelPaths.folder + "/resemblyzer"
    static let model = InstalledModel("Resemblyzer voice encoder", directory: modelDirectory) {
        try VoiceEncoderWeights(directory: $0)
    }

    struct Reference: Decodable {
        struct File: Decodable {
            let path: String
            let embedding: [Float]
        }
        let files: [File]
    }

    @Test func matchesResemblyzerPerUtterance() throws {
        let weights = try Self.model.get()
        let voices = try Voices()
        defer { voices.remove() }
        let sphinx = "/usr/share/pocketsphinx/test/data"
        let files = [
            try voices.make("reader.wav", from: ["\(sphinx)/librivox/sense_and_sensibility_01_austen_64kb-0870.wav"]),
            try voices.make("reader-long.wav", from: (["0870", "0880", "0890", "0920", "0930"]).map {
                "\(sphinx)/librivox/sense_and_sensibility_01_austen_64kb-\($0).wav"
            }),
            try voices.make("cards-short.wav", from: ["\(sphinx)/cards/001.wav"]),
            try voices.make("cards.wav", from: ["\(sphinx)/cards/005.wav"]),
            try voices.make("allison.wav", from: ["/usr/share/asterisk/sounds/en_US_f_Allison/vm-intro.wav"]),
            try voices.make("digits.wav", from: ["\(sphinx)/goforward.raw"]),
            try voices.make("snippet.wav", from: ["\(sphinx)/cards/002.wav"], effects: ["trim", "0.3", "0.4"]),
            try voices.make("quiet.wav", from: ["\(sphinx)/numbers.raw"], effects: ["vol", "0.02"]),
        ]
        let python = try ReferencePython.resemblyzer()
        let json = try Program.run(python, [Repository.root.path + "/scripts/reference/resemblyzer_reference.py",
                                            Self.modelDirectory + "/pretrained.pt"] + files)
        let reference = try JSONDecoder().decode(Reference.self, from: Data(json.utf8))
        #expect(reference.files.count == files.count)

        var encoder = VoiceEncoder(weights: weights)
        var embeddings: [String: [Float]] = [:]
        for file in reference.files {
            let samples = try AudioFile.decode(path: file.path)
            let swift = encoder.embed(samples[...])
            embeddings[URL(fileURLWithPath: file.path).lastPathComponent] = swift
            let cosine = SpeakerStateMachine.cosine(swift, file.embedding)
            print("speaker parity \(URL(fileURLWithPath: file.path).lastPathComponent):",
                  String(format: "%.1f s, cosine %.6f", Double(samples.count) / 16000, cosine))
            #expect(swift.count == 256)
            #expect(cosine >= 0.999, "\(file.path): Swift and Resemblyzer differ, cosine \(cosine)")
        }
        // The embeddings must tell voices apart, or an encoder answering one constant vector
        // would pass the comparison above.
        let same = SpeakerStateMachine.cosine(embeddings["reader.wav"] ?? [], embeddings["reader-long.wav"] ?? [])
        let other = SpeakerStateMachine.cosine(embeddings["reader.wav"] ?? [], embeddings["allison.wav"] ?? [])
        #expect(same > 0.85 && other < 0.7, "same reader \(same), reader against Allison \(other)")
    }

    /// Time per embedding for utterances of typical lengths, printed for the README; the bound
    /// only says an embedding keeps up with speech (a live meeting embeds each utterance once).
    @Test func anEmbeddingTakesLessTimeThanTheUtterance() throws {
        var encoder = VoiceEncoder(weights: try Self.model.get())
        let voices = try Voices()
        defer { voices.remove() }
        let reader = try voices.make("reader.wav", from: ["/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-0870.wav"])
        let samples = try AudioFile.decode(path: reader)
        // One BLAS thread, as `transcribe --speakers` embeds (see SpeakerLabeller).
        let threads = BLAS.threads
        BLAS.setThreads(1)
        defer { BLAS.setThreads(threads) }
        for seconds in [2, 4, 7] {
            let utterance = samples.prefix(seconds * 16000)
            let clock = ContinuousClock()
            _ = encoder.embed(utterance)  // warm
            let took = clock.measure { _ = encoder.embed(utterance) }
            let ms = Double(took.components.seconds) * 1000 + Double(took.components.attoseconds) / 1e15
            print(String(format: "speaker embedding of %d s: %.0f ms", seconds, ms))
            #expect(ms < Double(seconds) * 1000, "embedding \(seconds) s of speech took \(ms) ms")
        }
    }

    @Test func silenceAndEmptyAudioGiveAUnitVectorWithoutNaN() throws {
        var encoder = VoiceEncoder(weights: try Self.model.get())
        for samples in [[Float](), [Float](repeating: 0, count: 16000), [Float](repeating: .nan, count: 8000)] {
            let e = encoder.embed(samples[...])
            #expect(e.count == 256 && e.allSatisfy(\.isFinite))
        }
    }
}

/// Utterances made with sox from the real recordings in Debian packages, in a temporary folder.
struct Voices {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("speaker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// `sources` joined into one 16 kHz mono 16-bit WAV, then sox `effects`; returns its path.
    func make(_ name: String, from sources: [String], effects: [String] = []) throws -> String {
        var inputs: [String] = []
        for source in sources {
            guard FileManager.default.fileExists(atPath: source) else {
                Issue.record("\(source) is missing: run scripts/deps.sh (pocketsphinx-testdata, asterisk-core-sounds-en-wav)")
                throw CocoaError(.fileNoSuchFile)
            }
            inputs += source.hasSuffix(".raw") ? ["-t", "raw", "-r", "16000", "-e", "signed", "-b", "16", "-c", "1", source] : [source]
        }
        let out = folder.appendingPathComponent(name).path
        try Program.run("/usr/bin/sox", inputs + ["-r", "16000", "-c", "1", "-b", "16", out] + effects)
        return out
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
