/// Which model gives `VADStateMachine` its per-frame speech probability.
public enum VoiceDetector: Sendable {
    /// `SpeechDetector`: band energy over an adaptive noise floor, spectral shape and
    /// zero-crossings, on 30 ms frames. Needs no model file.
    case energy
    /// Silero VAD v6 on 32 ms chunks (`SileroVAD`), with weights `make models` installs.
    /// Silero tells steady noise from speech itself, so the state machine's syllable check
    /// and noise-floor learning, which exist for the energy detector, are skipped.
    case silero(SileroWeights)
}
