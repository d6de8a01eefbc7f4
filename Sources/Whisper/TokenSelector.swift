import Foundation
import Tensor

/// Picks each next token from the logits under Whisper's rules, as CTranslate2 applies
/// them for faster-whisper: suppressed tokens, no blank or end first, timestamps in
/// pairs that never go back, the first one at most 1 s in, and a timestamp forced
/// when timestamps together are likelier than any single text token.
struct TokenSelector {
    let tokenizer: Tokenizer
    let suppress: [Int]
    let suppressAtBegin: [Int]
    /// `<|0.00|>` + 50: the first timestamp may be at most 1.0 s.
    let maxInitialTimestamp: Int
    let vocabularySize: Int

    init(model: WhisperModel) {
        tokenizer = model.tokenizer
        suppress = model.suppressTokens
        suppressAtBegin = model.suppressAtBegin
        maxInitialTimestamp = model.tokenizer.timestampBegin + 50
        vocabularySize = model.dims.nVocab
    }

    /// Applies the rules to `logits` in place (forbidden entries become -inf), given the
    /// tokens sampled so far in this window.
    func applyRules(_ logits: UnsafeMutablePointer<Float>, sampled: ArraySlice<Int>) {
        let n = vocabularySize, tsBegin = tokenizer.timestampBegin, eot = tokenizer.endOfText
        func forbid(_ range: Range<Int>) {
            let r = range.clamped(to: 0..<n)
            for i in r { logits[i] = -.infinity }
        }
        if sampled.isEmpty {
            for t in suppressAtBegin where t < n { logits[t] = -.infinity }
        }
        for t in suppress where t < n { logits[t] = -.infinity }
        logits[tokenizer.noTimestamps] = -.infinity

        if sampled.isEmpty {
            forbid(0..<tsBegin)
            forbid((maxInitialTimestamp + 1)..<n)
        } else {
            let last = sampled[sampled.endIndex - 1]
            let lastWasTimestamp = last >= tsBegin
            let penultimateWasTimestamp = sampled.count < 2 || sampled[sampled.endIndex - 2] >= tsBegin
            if lastWasTimestamp {
                if penultimateWasTimestamp {
                    forbid(tsBegin..<n)      // a pair just closed: text must follow
                } else {
                    forbid(0..<eot)          // an open pair: a timestamp or the end
                }
            }
            // Timestamps never decrease, and a segment is never empty.
            if let lastTimestamp = sampled.last(where: { $0 >= tsBegin }) {
                let bound = lastWasTimestamp && !penultimateWasTimestamp ? lastTimestamp : lastTimestamp + 1
                forbid(tsBegin..<bound)
            }
        }

        // If all timestamps together beat the best text token, the next one is a timestamp.
        // Both sides of log-softmax share the normaliser, so compare raw logits.
        var maxText = -Float.infinity
        for i in 0..<tsBegin where logits[i] > maxText { maxText = logits[i] }
        let timestampLogSum = VectorOps.logSumExp(logits + tsBegin, count: n - tsBegin)
        if timestampLogSum > -.infinity, timestampLogSum > maxText {
            forbid(0..<tsBegin)
        }
    }

    /// The chosen token and its log-probability: argmax at temperature 0, otherwise a
    /// sample from softmax(logits / temperature) drawn with `rng`. A sample's normaliser is the
    /// one it was drawn with, so the softmax is summed once.
    func select(_ logits: UnsafeMutablePointer<Float>, temperature: Double, rng: inout SplitMix64) -> (token: Int, logProb: Double) {
        guard temperature > 0 else {
            let token = argmax(logits)
            return (token, logProbability(of: token, logits: logits, temperature: 0))
        }
        let drawn = sample(logits, temperature: temperature, rng: &rng)
        return (drawn.token, Double((logits[drawn.token] - drawn.maxValue) * Float(1 / temperature)) - log(drawn.total))
    }

    /// The chosen token alone, as `select` chooses it: for a step whose score is taken on other
    /// logits (a bias taken back).
    func choose(_ logits: UnsafeMutablePointer<Float>, temperature: Double, rng: inout SplitMix64) -> Int {
        temperature > 0 ? sample(logits, temperature: temperature, rng: &rng).token : argmax(logits)
    }

    private func argmax(_ logits: UnsafeMutablePointer<Float>) -> Int {
        var best = 0
        for i in 1..<vocabularySize where logits[i] > logits[best] { best = i }
        return best
    }

    /// A draw from softmax(logits / temperature), with the largest logit and the sum of
    /// exp((logit - largest) / temperature) it was drawn by.
    private func sample(_ logits: UnsafeMutablePointer<Float>, temperature: Double,
                        rng: inout SplitMix64) -> (token: Int, maxValue: Float, total: Double) {
        let n = vocabularySize
        let best = argmax(logits)
        let maxValue = logits[best]
        let inv = Float(1 / temperature)
        var total: Double = 0
        for i in 0..<n { total += Double(expf((logits[i] - maxValue) * inv)) }
        var target = rng.nextUnit() * total
        for i in 0..<n {
            let p = Double(expf((logits[i] - maxValue) * inv))
            if p == 0 { continue }
            target -= p
            if target <= 0 { return (i, maxValue, total) }
        }
        return (best, maxValue, total)
    }

    /// The log-probability of `token` under softmax(logits / temperature) (plain log-softmax at
    /// temperature 0): also a chosen token's score once a bias that helped choose it is taken back.
    func logProbability(of token: Int, logits: UnsafeMutablePointer<Float>, temperature: Double) -> Double {
        let n = vocabularySize
        if temperature <= 0 { return Double(logits[token] - VectorOps.logSumExp(logits, count: n)) }
        var maxValue = -Float.infinity
        for i in 0..<n where logits[i] > maxValue { maxValue = logits[i] }
        let inv = Float(1 / temperature)
        var total: Double = 0
        for i in 0..<n { total += Double(expf((logits[i] - maxValue) * inv)) }
        return Double((logits[token] - maxValue) * inv) - log(total)
    }
}
