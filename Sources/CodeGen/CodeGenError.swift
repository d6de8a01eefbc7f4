import Foundation

/// A spec that could not be turned into a component.
public enum CodeGenError: Error, LocalizedError, Equatable {
    case invalid(String)

    public var errorDescription: String? {
        switch self {
        case .invalid(let reason): reason
        }
    }
}
