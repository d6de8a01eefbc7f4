import Foundation

/// Source that could not be read as JSX.
public enum JSXError: Error, LocalizedError, Equatable {
    case invalid(String)

    public var errorDescription: String? {
        switch self {
        case .invalid(let reason): reason
        }
    }
}
