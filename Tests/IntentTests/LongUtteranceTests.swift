import Core
import Foundation
import Testing
@testable import Intent

/// An utterance that never ends (a recogniser stuck on, a pasted document) must not stall the
/// meeting: extraction reads at most `IntentExtractor.longestUtterance` characters of it.
@Suite struct LongUtteranceTests {
    /// 160,000 characters of design talk: every clause names a component, a colour and a brand,
    /// the worst case for the rules, which compare mentions with mentions. Read whole it took
    /// about 15 s; cut, well under a second. The bound is generous for a loaded machine, and
    /// still far below what reading it whole costs.
    @Test func aHugeUtteranceIsReadInWellUnderASecond() throws {
        let sentence = "let's build a pill-shaped pay button like Stripe's with a purple gradient and a card below it, "
        let text = String(repeating: sentence, count: 160_000 / sentence.count + 1)
        #expect(text.count >= 160_000)
        var extractor = try Fixture.extractor()
        // The lexicon's tables are built on first use: a short line first, so only reading is timed.
        _ = extractor.extract(Utterance(id: "warm", msg: TranscriptMsg(text: "the footer should be dark", tsStart: 0, tsEnd: 1)))
        let utterance = Utterance(id: "long", msg: TranscriptMsg(text: text, tsStart: 1, tsEnd: 60))
        let clock = ContinuousClock()
        var intent: IntentMsg?
        let elapsed = clock.measure { intent = extractor.extract(utterance) }
        #expect(elapsed < .seconds(1), "a 160k-character utterance took \(elapsed)")
        // The cut keeps the start of the line: the request in it is still heard.
        let found = try #require(intent)
        #expect(found.component == .button && found.cue)
        #expect((found.text ?? "").count <= IntentExtractor.longestUtterance)
    }

    /// The cut is at a word boundary within the limit, and says whether it happened, so the
    /// meeting can tell the user that only the start of the line was read.
    @Test func theCutKeepsWholeWordsAndSaysWhenItCut() {
        let short = "make the button bigger"
        #expect(IntentExtractor.readable(short) == short)
        #expect(!IntentExtractor.isCut(short))
        let exact = String(repeating: "a", count: IntentExtractor.longestUtterance)
        #expect(!IntentExtractor.isCut(exact) && IntentExtractor.readable(exact) == exact)
        let long = String(repeating: "navbar ", count: IntentExtractor.longestUtterance)
        #expect(IntentExtractor.isCut(long))
        let cut = IntentExtractor.readable(long)
        #expect(cut.count <= IntentExtractor.longestUtterance && cut.count > IntentExtractor.longestUtterance - 10)
        #expect(cut.split(separator: " ").allSatisfy { $0 == "navbar" }, "a word was split: \(cut.suffix(20))")
        // One unbroken run of letters is cut at the limit itself.
        let blob = String(repeating: "x", count: IntentExtractor.longestUtterance * 3)
        #expect(IntentExtractor.readable(blob).count == IntentExtractor.longestUtterance)
    }
}
