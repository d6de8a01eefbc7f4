import Foundation

/// A model backend that failed or answered badly.
public enum LLMError: Error, LocalizedError, Equatable {
    case invalid(String)

    public var errorDescription: String? {
        switch self {
        case .invalid(let reason): reason
        }
    }
}
