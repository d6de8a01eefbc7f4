import Foundation

/// A speech model that could not be loaded or run.
public enum WhisperError: Error, LocalizedError, Equatable {
    /// No model folder, or a folder without one of the files the model needs.
    case modelMissing(path: String)
    /// The model file is there but unusable: bad magic or version, truncated, a tensor missing or misshapen.
    case modelCorrupt(path: String, reason: String)
    /// The prompt cannot be encoded (the model folder has no tokenizer.json).
    case promptUnsupported(path: String)
    /// A `--language` code the (multilingual) model has no token for.
    case unknownLanguage(code: String, model: String, known: [String])
    /// A language other than English asked of an English-only model (tiny.en, base.en, ...).
    case englishOnly(model: String, language: String)
    case invalidOptions(String)

    public var errorDescription: String? {
        switch self {
        case .modelMissing(let path):
            "Whisper model not found: \(path) (run `make models`, or pass --model DIR with a CTranslate2 model.bin, config.json and vocabulary.txt)"
        case .modelCorrupt(let path, let reason):
            "Whisper model \(path) is unusable: \(reason) (re-run `make models` to unpack a fresh copy)"
        case .promptUnsupported(let path):
            "cannot encode a prompt: \(path) has no tokenizer.json with BPE merges (re-run `make models`)"
        case .unknownLanguage(let code, let model, let known):
            "unknown language code '\(code)' for \(model); it knows \(known.count): \(known.joined(separator: ", "))"
        case .englishOnly(let model, let language):
            "\(model) is English-only and cannot transcribe '\(language)': use --model base (multilingual, from `make models`) or another faster-whisper folder without .en"
        case .invalidOptions(let reason):
            reason
        }
    }
}
