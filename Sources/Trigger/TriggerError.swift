import Foundation

/// A problem deciding when to generate.
public enum TriggerError: Error, LocalizedError, Equatable {
    case invalid(String)

    public var errorDescription: String? {
        switch self {
        case .invalid(let reason): reason
        }
    }
}
