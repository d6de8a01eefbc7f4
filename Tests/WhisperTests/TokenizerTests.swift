import Foundation
import Testing
@testable import Whisper

@Suite struct TokenizerTests {
    static let texts = [
        " Stripe, Airbnb, navbar, pill button, mock up, Tailwind, hero section, CTA",
        " Let's build a pill-shaped pay button with a purple-blue gradient like Stripe's.",
        " It's 3.14 -- naïve café's   spaced\nlines\t tabs 😀 we'll they've I'd 2024",
    ]

    @Test func encodingMatchesHuggingFaceTokenizers() throws {
        let model = try Fixtures.loadModel()
        #expect(model.tokenizer.canEncode)
        let output = try Fixtures.reference(["encode", Fixtures.modelDirectory], stdin: Self.texts.joined(separator: "\u{0}"))
        let expected = output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [Int]
        }
        #expect(expected.count == Self.texts.count)
        for (text, ids) in zip(Self.texts, expected) {
            #expect(model.tokenizer.encode(text) == ids, "\(text)")
        }
    }

    @Test func decodingRoundTripsBytes() throws {
        let t = try Fixtures.loadModel().tokenizer
        for text in Self.texts {
            let ids = try #require(t.encode(text))
            #expect(t.decode(ids) == text)
        }
        // Special and timestamp tokens carry no text.
        #expect(t.decode([t.startOfTranscript, t.timestampBegin, 1680, 356, t.endOfText]) == " Can we")
    }
}
