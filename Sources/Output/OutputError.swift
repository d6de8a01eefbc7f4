import Foundation

/// A component that could not be written to the watched folder.
public enum OutputError: Error, LocalizedError, Equatable {
    case invalid(String)

    public var errorDescription: String? {
        switch self {
        case .invalid(let reason): reason
        }
    }
}
