import Foundation
import TestSupport
import Testing
@testable import Whisper

/// Contextual biasing over a tiny trie of real tiny.en token ids: which tokens get the bonus
/// after which emitted tokens, and that it is taken back.
@Suite struct WordBiasTests {
    struct Words {
        let tokenizer: Tokenizer
        let bias: WordBias
        let n: Int

        init(_ words: [String], cited: [String] = [], citing: [String] = [], bonus: Float = 2) throws {
            let model = try Fixtures.whisper.get()
            tokenizer = model.tokenizer
            n = model.dims.nVocab
            bias = try #require(WordBias(words: words, cited: cited, citing: citing, tokenizer: tokenizer, bonus: bonus))
        }

        func ids(_ text: String) throws -> [Int] { try #require(tokenizer.encode(text)) }

        /// The tokens raised after `sampled`, with the logits' values after `restore`.
        func raised(after sampled: [Int]) -> (raised: Set<Int>, restored: Bool) {
            var logits = [Float](repeating: 0, count: n)
            var raised: [Int] = []
            var restored = false
            logits.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                bias.apply(base, sampled: sampled[...], raised: &raised)
                let bonusGiven = raised.allSatisfy { base[$0] == bias.bonus }
                bias.restore(base, raised: raised)
                restored = bonusGiven && (0..<n).allSatisfy { base[$0] == 0 }
            }
            return (Set(raised), restored)
        }
    }

    /// A word of several tokens: its first token (with a space) starts it anywhere, each next
    /// token is raised only once the ones before it were emitted.
    @Test func aWordIsRaisedTokenByToken() throws {
        let w = try Words(["carousel"])
        let tokens = try w.ids(" carousel")
        try #require(tokens.count >= 2, "\" carousel\" should be several tokens in tiny.en")
        let said = try w.ids(" a testimonial")
        let start = w.raised(after: said)
        #expect(start.raised == [tokens[0]])
        #expect(start.restored)
        let next = w.raised(after: said + [tokens[0]])
        #expect(next.raised.contains(tokens[1]))
        #expect(next.raised.contains(tokens[0]))   // a new word may start instead
        #expect(next.restored)
    }

    /// A partial match the decoder left ("Ġcar" then "ts") has nothing left to raise but word starts.
    @Test func anAbandonedPartialMatchRaisesNoContinuation() throws {
        let w = try Words(["carousel"])
        let tokens = try w.ids(" carousel")
        let left = try w.ids(" a") + [tokens[0]] + w.ids("ts")
        #expect(!w.raised(after: left).raised.contains(tokens[1]))
        #expect(w.raised(after: left).raised == [tokens[0]])
    }

    /// Mid-sentence only the spaced forms start a word; right after a timestamp (a segment's
    /// start) the bare form may too.
    @Test func bareFormsStartWordsOnlyAtASegmentStart() throws {
        let w = try Words(["badge", "Stripe"])
        let spaced = Set(try [w.ids(" badge")[0], w.ids(" Stripe")[0]])
        let bare = Set(try [w.ids("badge")[0], w.ids("Stripe")[0]])
        let mid = w.raised(after: try w.ids(" add a"))
        #expect(mid.raised == spaced)
        let atStart = w.raised(after: [w.tokenizer.timestampBegin])
        #expect(atStart.raised == spaced.union(bare))
        #expect(w.raised(after: []).raised == spaced.union(bare))
    }

    /// A brand that is an ordinary word too ("Notion", "ĠNot" "ion") starts only where one is
    /// cited ("like Notion"), and is continued only there.
    @Test func aCitedWordStartsOnlyAfterACitingWord() throws {
        let w = try Words(["badge"], cited: ["Notion"], citing: ["like"])
        let notion = try w.ids(" Notion")
        try #require(notion.count == 2)
        let badge = try w.ids(" badge")[0]
        #expect(w.raised(after: try w.ids(" I do")).raised == [badge])
        #expect(w.raised(after: try w.ids(" just like")).raised == [badge, notion[0]])
        #expect(w.raised(after: try w.ids(" just like") + [notion[0]]).raised.contains(notion[1]))
        #expect(!w.raised(after: try w.ids(" I do") + [notion[0]]).raised.contains(notion[1]))
    }

    /// A forbidden token (the rules set it to -inf) stays forbidden.
    @Test func aForbiddenTokenIsNotRaised() throws {
        let w = try Words(["badge"])
        var logits = [Float](repeating: -.infinity, count: w.n)
        var raised: [Int] = []
        logits.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            w.bias.apply(base, sampled: [][...], raised: &raised)
        }
        #expect(raised.isEmpty)
        #expect(logits.allSatisfy { $0 == -.infinity })
    }

    /// No bonus or nothing to encode: no bias at all, so decoding stays as it was.
    @Test func aZeroBonusOrNoWordsIsNoBias() throws {
        let tokenizer = try Fixtures.whisper.get().tokenizer
        #expect(WordBias(words: ["badge"], tokenizer: tokenizer, bonus: 0) == nil)
        #expect(WordBias(words: ["badge"], tokenizer: tokenizer, bonus: .nan) == nil)
        #expect(WordBias(words: [" ", ""], tokenizer: tokenizer, bonus: 2) == nil)
    }
}
