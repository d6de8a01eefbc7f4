import Foundation
import Tensor
import TestSupport
import Testing
@testable import Whisper

/// Whisper's decoding rules on crafted logits (tiny.en's vocabulary: text below 50256,
/// <|endoftext|> 50256, timestamps from <|0.00|> 50363 in 20 ms steps).
@Suite struct TokenSelectorTests {
    struct Vocabulary {
        let selector: TokenSelector
        let eot: Int, ts: Int, n: Int, noTimestamps: Int
        let suppressed: [Int]

        init() throws {
            let model = try Fixtures.whisper.get()
            selector = TokenSelector(model: model)
            eot = model.tokenizer.endOfText
            ts = model.tokenizer.timestampBegin
            n = model.dims.nVocab
            noTimestamps = model.tokenizer.noTimestamps
            suppressed = model.suppressTokens
        }

        /// The tokens the rules leave allowed, for `logits` after `sampled`.
        func allowed(_ logits: [Float], after sampled: [Int]) -> (allowed: Set<Int>, logits: [Float]) {
            var l = logits
            l.withUnsafeMutableBufferPointer { buffer in
                if let base = buffer.baseAddress { selector.applyRules(base, sampled: sampled[...]) }
            }
            return (Set(l.indices.filter { l[$0] > -.infinity }), l)
        }

        func flat(_ value: Float = 0) -> [Float] { [Float](repeating: value, count: n) }

        /// The token chosen from `logits` (rules already applied) at temperature 0.
        func greedy(_ logits: [Float]) -> (token: Int, logProb: Double) {
            var l = logits, rng = SplitMix64(state: 1)
            return l.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return (-1, 0) }
                return selector.select(base, temperature: 0, rng: &rng)
            }
        }
    }

    /// The first token is a timestamp of at most 1.00 s: no text, no <|endoftext|>, no blank.
    @Test func aWindowStartsWithAnEarlyTimestamp() throws {
        let v = try Vocabulary()
        var logits = v.flat()
        logits[1000] = 20   // a confident word must still wait for its timestamp
        let (allowed, _) = v.allowed(logits, after: [])
        #expect(allowed == Set(v.ts...(v.ts + 50)))
    }

    /// After a timestamp that opened a segment and some text, a timestamp closes it: text and
    /// earlier times are out, the same time or later (or the end) are in.
    @Test func anOpenSegmentClosesWithATimestampThatDoesNotGoBack() throws {
        let v = try Vocabulary()
        var logits = v.flat()
        logits[1000] = 20      // however sure of a word, the segment must be closed first
        logits[v.eot] = 9      // likelier than all the timestamps together (log 1451 ≈ 7.3)
        let (allowed, _) = v.allowed(logits, after: [v.ts, 1000, v.ts + 50])
        #expect(allowed.contains(v.eot) && allowed.contains(v.ts + 50) && allowed.contains(v.n - 1))
        #expect(!allowed.contains(1000) && !allowed.contains(v.ts + 49) && !allowed.contains(v.ts))
    }

    /// Two timestamps in a row close a segment: text (or the end) must follow, never a third.
    @Test func aClosedPairIsFollowedByText() throws {
        let v = try Vocabulary()
        let (allowed, _) = v.allowed(v.flat(), after: [v.ts, 1000, v.ts + 50, v.ts + 50])
        #expect(allowed.contains(1000) && allowed.contains(v.eot))
        #expect(!allowed.contains { $0 >= v.ts })
    }

    /// When all timestamps together are likelier than the best text token, a timestamp is forced.
    @Test func timestampsThatOutweighTheBestWordAreForced() throws {
        let v = try Vocabulary()
        // 1500 timestamps at 0 sum to log(1500) ≈ 7.3: more than a word at 5, less than one at 9.
        var unsure = v.flat(-10)
        for t in v.ts..<v.n { unsure[t] = 0 }
        unsure[1000] = 5
        #expect(!v.allowed(unsure, after: [v.ts, 2000]).allowed.contains(1000))
        var sure = unsure
        sure[1000] = 9
        #expect(v.allowed(sure, after: [v.ts, 2000]).allowed.contains(1000))
    }

    /// config.json's suppressed tokens and <|notimestamps|> are never chosen, however likely.
    @Test func suppressedTokensAreNeverChosen() throws {
        let v = try Vocabulary()
        #expect(!v.suppressed.isEmpty)
        var logits = v.flat()
        for t in v.suppressed + [v.noTimestamps] { logits[t] = 50 }
        let (allowed, after) = v.allowed(logits, after: [v.ts, 2000])
        #expect(v.suppressed.allSatisfy { !allowed.contains($0) } && !allowed.contains(v.noTimestamps))
        let pick = v.greedy(after)
        #expect(!v.suppressed.contains(pick.token) && pick.token != v.noTimestamps)
    }

    /// Greedy selection is the argmax, with its log-probability under the softmax.
    @Test func greedySelectionIsTheArgmaxWithItsLogProbability() throws {
        let v = try Vocabulary()
        var logits = v.flat(-.infinity)
        logits[1000] = 2
        logits[2000] = 1
        let pick = v.greedy(logits)
        #expect(pick.token == 1000)
        #expect(abs(pick.logProb - (2 - log(exp(2) + exp(1)))) < 1e-5)
    }
}
