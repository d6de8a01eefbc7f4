import Foundation

/// A tensor operation given shapes that do not fit.
public enum TensorError: Error, LocalizedError, Equatable {
    case invalid(String)

    public var errorDescription: String? {
        switch self {
        case .invalid(let reason): reason
        }
    }
}
