import Foundation

/// A problem extracting design intents or scoring them.
public enum IntentError: Error, LocalizedError, Equatable {
    /// A labelled evaluation line that could not be read.
    case malformedLabel(file: String, line: Int, reason: String)
    /// A labelled set with no lines in it.
    case emptyLabelSet(file: String)

    public var errorDescription: String? {
        switch self {
        case .malformedLabel(let file, let line, let reason):
            "\(file):\(line): not a labelled intent line (\(reason)); expected {\"id\",\"text\",\"design\",...}"
        case .emptyLabelSet(let file):
            "\(file): no labelled lines to score"
        }
    }
}
