import Foundation

/// A problem gathering what people say about a design.
public enum InsightError: Error, LocalizedError, Equatable {
    /// A model or lexicon file is absent or unreadable.
    case missingFile(path: String, hint: String)
    /// A lexicon line that is not `token<TAB>valence...`.
    case badLexicon(path: String, line: Int)
    /// An input line that could not be read.
    case badInput(source: String, line: Int, reason: String)
    /// The post database could not be opened or written.
    case database(path: String, reason: String)
    /// A remote source answered in a way we cannot use.
    case source(name: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .missingFile(let path, let hint): "\(path): not found or unreadable; \(hint)"
        case .badLexicon(let path, let line): "\(path):\(line): expected 'token<TAB>valence'"
        case .badInput(let source, let line, let reason): "\(source):\(line): \(reason)"
        case .database(let path, let reason): "\(path): \(reason)"
        case .source(let name, let reason): "\(name): \(reason)"
        }
    }
}
