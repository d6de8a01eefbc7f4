import Foundation

/// A sentence embedding that could not be computed.
public enum EmbeddingError: Error, LocalizedError, Equatable {
    case invalid(String)

    public var errorDescription: String? {
        switch self {
        case .invalid(let reason): reason
        }
    }
}
