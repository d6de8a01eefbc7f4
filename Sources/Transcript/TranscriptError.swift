import Foundation

/// A transcript file that could not be read.
public enum TranscriptError: Error, LocalizedError, Equatable {
    case invalid(String)

    public var errorDescription: String? {
        switch self {
        case .invalid(let reason): reason
        }
    }
}
