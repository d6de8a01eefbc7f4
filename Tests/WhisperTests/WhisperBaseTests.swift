import Foundation
import TestSupport
import Testing
import Capture
@testable import Whisper

/// Whisper base, the multilingual model `make models` installs beside tiny.en: its sizes and
/// special tokens come from its own files, and it hears English and German as faster-whisper
/// does with the same weights, detecting the language itself.
@Suite(.serialized) struct WhisperBaseTests {
    static let base = InstalledModel("Whisper base", directory: ModelPaths.whisperBase) {
        try WhisperModel.load(directory: $0)
    }

    /// A German sentence spoken by espeak-ng, 16 kHz mono 16-bit, in a folder of its own.
    static func germanClip() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("whisper-de-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Program.run("/usr/bin/env", ["espeak-ng", "-v", "de", "-w", dir + "/spoken.wav", germanSentence])
        try Program.run("/usr/bin/env", ["sox", dir + "/spoken.wav", "-r", "16000", "-c", "1", "-b", "16", dir + "/de.wav"])
        return dir + "/de.wav"
    }

    static let germanSentence = "Wir bauen heute eine neue Schaltfläche für die Startseite. Sie soll blau sein und runde Ecken haben."

    /// faster-whisper's segments and detected language for `wav` with base's own files.
    static func reference(_ wav: String) throws -> (segments: [[String: Any]], language: String) {
        let line = try Fixtures.reference(["transcribe", ModelPaths.whisperBase, wav])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        return (try #require(json["segments"] as? [[String: Any]]), try #require(json["language"] as? String))
    }

    @Test func loadsBaseWithDimensionsAndSpecialTokensFromItsFiles() throws {
        let model = try Self.base.get()
        #expect(model.dims == WhisperModel.Dimensions(
            nMels: 80, nAudioCtx: 1500, nAudioState: 512, nAudioHead: 8, nAudioLayer: 6,
            nVocab: 51865, nTextCtx: 448, nTextState: 512, nTextHead: 8, nTextLayer: 6))
        let t = model.tokenizer
        #expect(t.isMultilingual)
        // One more text token than tiny.en's vocabulary, so every special id is one higher.
        #expect((t.endOfText, t.startOfTranscript, t.startOfPrevious, t.noSpeech, t.noTimestamps, t.timestampBegin)
            == (50257, 50258, 50361, 50362, 50363, 50364))
        // The language tokens are the ones config.json lists for CTranslate2's own detection.
        let config = try #require(try JSONSerialization.jsonObject(
            with: try Data(contentsOf: URL(fileURLWithPath: ModelPaths.whisperBase + "/config.json"))) as? [String: Any])
        #expect(t.languageTokens.map(\.id) == (config["lang_ids"] as? [Int]))
        #expect(t.languages.count == 99 && t.languages.prefix(3) == ["en", "zh", "de"])
        #expect(try t.startSequence(language: "de", model: model.name) == [50258, 50261, 50359])
    }

    /// An English line: detected as English, and the same tokens as faster-whisper.
    @Test func englishLineMatchesFasterWhisper() throws {
        let model = try Self.base.get()
        let wav = Fixtures.lines + "/dev-012.wav"
        var session = WhisperSession(model: model, options: TranscriptionOptions(language: "auto"))
        let segments = try session.transcribe(try AudioFile.decode(path: wav))
        let reference = try Self.reference(wav)
        #expect(session.detectedLanguage?.code == "en")
        #expect(reference.language == "en")
        #expect(segments.map(\.tokens) == reference.segments.map { ($0["tokens"] as? [Int]) ?? [] })
        #expect(segments.map(\.text) == reference.segments.map { ($0["text"] as? String) ?? "" })
    }

    /// A German sentence: "de" detected from the first window, and German words out, the same
    /// as faster-whisper's on the same clip with the same weights.
    @Test func germanSpeechIsDetectedAndTranscribedInGerman() throws {
        let model = try Self.base.get()
        let wav = try Self.germanClip()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: wav).deletingLastPathComponent().path) }
        var session = WhisperSession(model: model, options: TranscriptionOptions(language: "auto"))
        let segments = try session.transcribe(try AudioFile.decode(path: wav))
        let reference = try Self.reference(wav)
        let heard = try #require(session.detectedLanguage)
        #expect(heard.code == "de" && reference.language == "de")
        #expect(heard.probability > 0.5)
        #expect(segments.map(\.tokens) == reference.segments.map { ($0["tokens"] as? [Int]) ?? [] })
        let text = segments.map(\.text).joined()
        #expect(text == reference.segments.map { ($0["text"] as? String) ?? "" }.joined())
        // Words of the spoken sentence, not an English rendering of it.
        let spoken = Set(Self.germanSentence.lowercased().split { !$0.isLetter }.map(String.init))
        let got = text.lowercased().split { !$0.isLetter }.map(String.init)
        #expect(got.filter(spoken.contains).count >= 4, "\(text)")
    }

    /// Asked for German, base says so in the prompt rather than detecting anything; a code it
    /// does not know is an error before any audio is decoded.
    @Test func aGivenLanguageIsUsedAndAnUnknownOneRefused() throws {
        let model = try Self.base.get()
        var session = WhisperSession(model: model, options: TranscriptionOptions(language: "xx"))
        #expect(throws: WhisperError.self) { _ = try session.transcribe([Float](repeating: 0, count: 16000)) }
        session.options.language = "de"
        _ = try session.transcribe([Float](repeating: 0, count: 16000))
        #expect(session.detectedLanguage == nil)
    }

    /// tiny.en takes "auto" as English without a detection step.
    @Test func autoOnAnEnglishOnlyModelIsEnglish() throws {
        let model = try Fixtures.whisper.get()
        var session = WhisperSession(model: model, options: TranscriptionOptions(language: "auto"))
        let text = try session.transcribe(try AudioFile.decode(path: Fixtures.lines + "/dev-012.wav")).map(\.text).joined()
        #expect(session.detectedLanguage == nil)
        #expect(text.lowercased().contains("dark mode"), "\(text)")
    }
}
