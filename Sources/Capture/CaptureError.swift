import Foundation

/// Audio that could not be captured or decoded.
public enum CaptureError: Error, LocalizedError, Equatable {
    case invalid(String)

    public var errorDescription: String? {
        switch self {
        case .invalid(let reason): reason
        }
    }
}
