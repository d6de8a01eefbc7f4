import Foundation
import TestSupport
import Testing
@testable import Whisper

@Suite struct TokenizerTests {
    static let texts = [
        " Stripe, Airbnb, navbar, pill button, mock up, Tailwind, hero section, CTA",
        " Let's build a pill-shaped pay button with a purple-blue gradient like Stripe's.",
        " It's 3.14 -- naïve café's   spaced\nlines\t tabs 😀 we'll they've I'd 2024",
    ]

    @Test func encodingMatchesHuggingFaceTokenizers() throws {
        let model = try Fixtures.whisper.get()
        #expect(model.tokenizer.canEncode)
        let output = try Fixtures.reference(["encode", ModelPaths.whisperTinyEn], stdin: Self.texts.joined(separator: "\u{0}"))
        let expected = output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [Int]
        }
        #expect(expected.count == Self.texts.count)
        for (text, ids) in zip(Self.texts, expected) {
            #expect(model.tokenizer.encode(text) == ids, "\(text)")
        }
    }

    @Test func decodingRoundTripsBytes() throws {
        let t = try Fixtures.whisper.get().tokenizer
        for text in Self.texts {
            let ids = try #require(t.encode(text))
            #expect(t.decode(ids) == text)
        }
        // Special and timestamp tokens carry no text.
        #expect(t.decode([t.startOfTranscript, t.timestampBegin, 1680, 356, t.endOfText]) == " Can we")
    }
}

/// The language and task tokens that start each window.
@Suite struct LanguageTokenTests {
    /// A multilingual vocabulary laid out as Whisper's (51865 tokens: text, <|endoftext|>,
    /// <|startoftranscript|>, 99 languages, the task and other specials, 1501 timestamps), made
    /// from tiny.en's by giving the text one more token, as the multilingual BPE has.
    static func multilingual() throws -> Tokenizer {
        let english = try String(contentsOfFile: ModelPaths.whisperTinyEn + "/vocabulary.txt", encoding: .utf8)
        var lines: [String] = []
        english.enumerateLines { line, _ in lines.append(line) }
        let eot = try #require(lines.firstIndex(of: "<|endoftext|>"))
        let vocabulary = lines[..<eot] + ["ĠĠĠĠĠĠĠĠĠĠĠĠĠĠĠĠĠĠĠĠ"] + lines[eot...]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vocab-\(UUID().uuidString).txt").path
        try vocabulary.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try Tokenizer(vocabularyPath: path, tokenizerJSONPath: nil)
    }

    /// The ids openai-whisper's multilingual tokenizer gives: sot 50258, <|en|> 50259,
    /// <|de|> 50261, <|transcribe|> 50359, <|0.00|> 50364.
    @Test func multilingualStartSequenceNamesLanguageAndTask() throws {
        let t = try Self.multilingual()
        #expect(t.vocabularySize == 51865 && t.isMultilingual)
        #expect((t.startOfTranscript, t.timestampBegin) == (50258, 50364))
        #expect(try t.startSequence(language: "en") == [50258, 50259, 50359])
        #expect(try t.startSequence(language: "de") == [50258, 50261, 50359])
        #expect(try t.startSequence(language: "DE") == [50258, 50261, 50359])
        #expect(t.languages.count == 99 && t.languages.prefix(3) == ["en", "zh", "de"] && t.languages.last == "su")
    }

    @Test func anUnknownCodeIsAnErrorListingTheKnownOnes() throws {
        let t = try Self.multilingual()
        let error = try #require(throws: WhisperError.self) { try t.startSequence(language: "xx", model: "whisper-tiny") }
        let text = error.localizedDescription
        #expect(text.hasPrefix("unknown language code 'xx' for whisper-tiny; it knows 99: en, zh, de, "), "\(text)")
        #expect(!text.contains("translate") && !text.contains("\n"))
    }

    /// tiny.en lists the language tokens but was never trained with them: only English.
    @Test func anEnglishOnlyModelRefusesOtherLanguages() throws {
        let model = try Fixtures.whisper.get()
        #expect(model.tokenizer.languages == ["en"])
        #expect(throws: WhisperError.englishOnly(model: "whisper-tiny.en", language: "de")) {
            try model.tokenizer.startSequence(language: "de", model: model.name)
        }
        var session = WhisperSession(model: model, options: TranscriptionOptions(language: "fr"))
        #expect(throws: WhisperError.englishOnly(model: "whisper-tiny.en", language: "fr")) {
            _ = try session.transcribe([Float](repeating: 0, count: 16000))
        }
    }
}
