import Foundation

/// A speech model that could not be loaded or run.
public enum WhisperError: Error, LocalizedError, Equatable {
    case invalid(String)

    public var errorDescription: String? {
        switch self {
        case .invalid(let reason): reason
        }
    }
}
