import Foundation

/// Language detection for multilingual models, as Whisper does it: on the encoded first window,
/// one decoder step after `<|startoftranscript|>`, and the likeliest of the language tokens.
extension WhisperSession {
    /// A language the session found in the audio, with the model's probability for it among
    /// the languages it knows.
    public struct DetectedLanguage: Sendable, Equatable {
        /// "en", "de", ...: one of the model's `Tokenizer.languages`.
        public let code: String
        /// 0...1, the softmax over the language tokens only (as CTranslate2 reports it).
        public let probability: Double
    }

    /// The language of the window the encoder last saw. Needs a multilingual model; an
    /// English-only one is always "en" and never gets here.
    mutating func detectLanguage() -> DetectedLanguage {
        let state = self.state, model = self.model, tokenizer = self.model.tokenizer
        let candidates = tokenizer.languageTokens
        precondition(!candidates.isEmpty, "language detection needs a multilingual model")
        sequence.removeAll(keepingCapacity: true)
        sequence.append(tokenizer.startOfTranscript)
        // Position 0 of the cache is written again by the window's own decode.
        sequence.withUnsafeBufferPointer { Decoder.forward(model: model, state: state, tokens: $0, start: 0) }
        Decoder.logits(model: model, state: state, row: 0)
        let logits = state.logits.pointer
        var best = candidates[0]
        for candidate in candidates where logits[candidate.id] > logits[best.id] { best = candidate }
        let top = logits[best.id]
        var total = 0.0
        for candidate in candidates { total += Double(expf(logits[candidate.id] - top)) }
        return DetectedLanguage(code: best.code, probability: 1 / total)
    }

    /// The tokens that start each window for `options.language`, or nil when the language is
    /// "auto" on a multilingual model and must first be heard. Throws for a language the
    /// model cannot do, before any audio is looked at.
    func fixedStartSequence() throws -> [Int] {
        let language = options.detectsLanguage ? "en" : options.language
        return try model.tokenizer.startSequence(language: language, model: model.name)
    }
}
