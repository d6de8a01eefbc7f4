import Foundation

/// Source that could not be read as JSX.
public enum JSXError: Error, LocalizedError, Equatable, Sendable {
    case syntax(line: Int, column: Int, reason: String)
    case unreadable(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .syntax(let line, let column, let reason): "\(line):\(column): \(reason)"
        case .unreadable(let path, let reason): "\(path): cannot read the file (\(reason))"
        }
    }
}
