import Foundation

/// A problem extracting design intents or scoring them.
public enum IntentError: Error, LocalizedError, Equatable {
    /// A labelled evaluation line that could not be read.
    case malformedLabel(file: String, line: Int, reason: String)
    /// A file that could not be read at all.
    case unreadable(file: String)
    /// A labelled set with no lines in it.
    case emptyLabelSet(file: String)
    /// An input line of `extract` that starts with "{" but is not a TranscriptMsg.
    case malformedTranscriptLine(file: String, line: Int)
    /// Intent-head weights that cannot be used by this build.
    case badHead(source: String, reason: String)
    /// An embedding whose length is not what the head was trained on.
    case embeddingSize(expected: Int, got: Int)
    /// A words file (`intent-words.json`) that cannot be read.
    case badWords(source: String, reason: String)
    /// A head trained on other word lists than this build's: its rule features would mean other things.
    case wordsChanged(head: String, trained: String, now: String)

    public var errorDescription: String? {
        switch self {
        case .malformedLabel(let file, let line, let reason):
            "\(file):\(line): not a labelled intent line (\(reason)); expected {\"id\",\"text\",\"design\",...}"
        case .unreadable(let file):
            "cannot read \(file): no such file, or not UTF-8 text"
        case .emptyLabelSet(let file):
            "\(file): no labelled lines to score"
        case .malformedTranscriptLine(let file, let line):
            "\(file):\(line): not a transcript line (expected {\"text\",\"ts_start\",\"ts_end\",...} or plain text); skipped"
        case .badHead(let source, let reason):
            "\(source): unusable intent head (\(reason)); run make train-intents"
        case .embeddingSize(let expected, let got):
            "the sentence embedding has \(got) values, the intent head expects \(expected); is the model all-MiniLM-L6-v2?"
        case .badWords(let source, let reason):
            "\(source): not an intent words file (\(reason))"
        case .wordsChanged(let head, let trained, let now):
            "\(head) was trained on intent-words.json \(trained), this build has \(now): the word lists were edited; retrain with scripts/train-intents.sh"
        }
    }
}
