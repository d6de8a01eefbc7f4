import Foundation

/// Decoding one 30 s window: greedy first, then sampling at rising temperatures when
/// the text looks like a loop or the model is unsure (Whisper's fallback).
extension WhisperSession {
    struct WindowResult {
        var tokens: [Int]
        var avgLogProb: Double
        var noSpeechProb: Double
        var temperature: Double
        var compressionRatio: Double
        /// Sum of the tokens' log-probabilities over their count: how candidates are ranked.
        var score: Double
    }

    /// `budget`: at most this many tokens per candidate (see `tokenBudget`).
    mutating func decodeWithFallback(prompt: [Int], budget: Int) throws -> WindowResult {
        let temperatures = options.temperatureFallback ? Self.temperatures : [0]
        let started = ContinuousClock.now
        let outOfTime = { [limit = options.fallbackTimeLimit] in limit.map { ContinuousClock.now - started > .seconds($0) } ?? false }
        var all: [WindowResult] = []
        var belowThreshold: [WindowResult] = []
        for temperature in temperatures {
            if !all.isEmpty && outOfTime() { break }
            // Sampling draws several candidates and keeps the likeliest (Whisper's best_of).
            var result = try decodeWindow(prompt: prompt, temperature: temperature, budget: budget)
            if temperature > 0 {
                for _ in 1..<Self.bestOf where !outOfTime() {
                    let candidate = try decodeWindow(prompt: prompt, temperature: temperature, budget: budget)
                    if candidate.score > result.score { result = candidate }
                }
            }
            let text = model.tokenizer.decode(result.tokens).trimmingCharacters(in: .whitespaces)
            result.compressionRatio = CompressionRatio.of(text)
            all.append(result)
            var needsFallback = false
            if result.compressionRatio > Self.compressionRatioThreshold {
                needsFallback = true    // too repetitive
            } else {
                belowThreshold.append(result)
            }
            if result.avgLogProb < Self.logProbThreshold { needsFallback = true }
            if result.noSpeechProb > options.noSpeechThreshold, result.avgLogProb < Self.logProbThreshold {
                needsFallback = false   // probably silence; the caller skips it
            }
            if !needsFallback { return result }
        }
        let pool = belowThreshold.isEmpty ? all : belowThreshold
        var best = pool[0]
        for r in pool where r.avgLogProb > best.avgLogProb { best = r }
        best.temperature = temperatures[temperatures.count - 1]
        return best
    }

    /// Runs the prompt through the decoder, then picks tokens one at a time until
    /// `<|endoftext|>`, the budget or the context is full. The loop allocates nothing:
    /// `sequence` has its capacity and the model's buffers are in `state`.
    mutating func decodeWindow(prompt: [Int], temperature: Double, budget: Int) throws -> WindowResult {
        let tokenizer = model.tokenizer
        let maxTokens = min(model.dims.nTextCtx / 2, model.dims.nTextCtx - prompt.count, budget)
        sequence.removeAll(keepingCapacity: true)
        sequence += prompt
        let state = self.state, model = self.model
        sequence.withUnsafeBufferPointer { Decoder.forward(model: model, state: state, tokens: $0, start: 0) }
        // No-speech probability: the `<|nospeech|>` entry right after `<|startoftranscript|>`.
        let sotRow = prompt.lastIndex(of: tokenizer.startOfTranscript) ?? prompt.count - 1
        Decoder.logits(model: model, state: state, row: sotRow)
        let noSpeechProb = Self.probability(of: tokenizer.noSpeech, logits: state.logits.pointer, count: model.dims.nVocab)
        if sotRow != prompt.count - 1 {
            Decoder.logits(model: model, state: state, row: prompt.count - 1)
        }

        var sumLogProb = 0.0
        var generated = 0
        while generated < maxTokens {
            try checkCancellation()
            let logits = state.logits.pointer, sampled = sequence[prompt.count...]
            selector.applyRules(logits, sampled: sampled)
            let token: Int, logProb: Double
            if let bias = options.bias {
                // Chosen with the bonus, scored without it: fallback judges the model's own confidence.
                bias.apply(logits, sampled: sampled, raised: &biasRaised)
                token = selector.choose(logits, temperature: temperature, rng: &rng)
                bias.restore(logits, raised: biasRaised)
                logProb = selector.logProbability(of: token, logits: logits, temperature: temperature)
            } else {
                (token, logProb) = selector.select(logits, temperature: temperature, rng: &rng)
            }
            sumLogProb += logProb
            if token == tokenizer.endOfText { break }
            sequence.append(token)
            generated += 1
            let position = sequence.count - 1
            if position >= model.dims.nTextCtx - 1 { break }
            sequence.withUnsafeBufferPointer { all in
                Decoder.forward(model: model, state: state, tokens: UnsafeBufferPointer(rebasing: all[position...]), start: position)
            }
            Decoder.logits(model: model, state: state, row: 0)
        }
        let tokens = Array(sequence[prompt.count...])
        // As faster-whisper computes it from CTranslate2's score: the end token counts too.
        return WindowResult(tokens: tokens, avgLogProb: sumLogProb / Double(tokens.count + 1),
                            noSpeechProb: noSpeechProb, temperature: temperature, compressionRatio: 0,
                            score: sumLogProb / Double(max(1, tokens.count)))
    }

    /// Tokens a window of `frames` mel frames can reasonably hold: twice fast speech (about
    /// six tokens a second, timestamps included) plus some slack. A full 30 s window keeps
    /// Whisper's own limit (224); a short clip that falls into a repetition loop ("notion,
    /// notion, ...") stops after a few dozen tokens instead of 224 per fallback candidate.
    static func tokenBudget(frames: Int) -> Int {
        20 + Int((12 * Double(frames) * secondsPerFrame).rounded(.up))
    }

    static func probability(of token: Int, logits: UnsafePointer<Float>, count: Int) -> Double {
        var maxValue = -Float.infinity
        for i in 0..<count where logits[i] > maxValue { maxValue = logits[i] }
        var total = 0.0
        for i in 0..<count { total += Double(expf(logits[i] - maxValue)) }
        return Double(expf(logits[token] - maxValue)) / total
    }
}
