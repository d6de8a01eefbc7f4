/// How a session decodes: the prompt that biases recognition, fallback and threads.
public struct TranscriptionOptions: Sendable {
    /// Words to bias recognition toward ("Stripe, Airbnb, navbar, pill button"), fed to
    /// the decoder after `<|startofprev|>` like earlier text. Needs tokenizer.json.
    public var prompt: String?
    /// Contextual biasing: a bonus for tokens that start or continue one of its words at each
    /// step. nil (the default) decodes exactly as without it.
    public var bias: WordBias?
    /// Retry a window at temperatures 0.2 ... 1.0 when the text is too repetitive
    /// (compression ratio > 2.4) or too unlikely (average log-probability < -1).
    public var temperatureFallback: Bool
    /// OpenBLAS worker threads.
    public var threads: Int
    /// Feed each window's text to the next as context, as Whisper does on long audio.
    public var conditionOnPreviousText: Bool
    /// A window whose no-speech probability is above this (and whose text is unlikely) is skipped.
    public var noSpeechThreshold: Double
    /// The spoken language ("en", "de", ...): one of the model's `Tokenizer.languages`, so only
    /// "en" for English-only models. Anything else makes `transcribe` throw. "auto": a
    /// multilingual model detects it from the first window of each `transcribe` call (see
    /// `WhisperSession.detectedLanguage`); an English-only one takes it as "en".
    public var language: String
    /// Seconds of audio the encoder sees per window; nil is Whisper's 30 s, as it was trained.
    /// A short window costs a fraction of a full one on short audio but recognises less
    /// well: it suits live partial transcripts, which the final text replaces.
    public var window: Double?
    /// Live use: once a window's fallback has taken this many seconds, the best candidate so
    /// far is kept instead of trying hotter temperatures. nil (files) tries them all, as
    /// Whisper does; a hard stretch of audio then costs up to 26 extra decodes.
    public var fallbackTimeLimit: Double?
    /// Seeds the sampler used by temperature fallback, so runs are reproducible.
    public var seed: UInt64

    /// The `language` that asks the model to detect it.
    public static let autoLanguage = "auto"

    /// Whether `language` asks for detection ("auto", in any case).
    public var detectsLanguage: Bool { language.lowercased() == Self.autoLanguage }

    public init(prompt: String? = nil, temperatureFallback: Bool = true, threads: Int = 2,
                conditionOnPreviousText: Bool = true, noSpeechThreshold: Double = 0.6, language: String = "en",
                window: Double? = nil, fallbackTimeLimit: Double? = nil, seed: UInt64 = 0) {
        self.prompt = prompt
        self.temperatureFallback = temperatureFallback
        self.threads = threads
        self.conditionOnPreviousText = conditionOnPreviousText
        self.noSpeechThreshold = noSpeechThreshold
        self.language = language
        self.window = window
        self.fallbackTimeLimit = fallbackTimeLimit
        self.seed = seed
    }
}
