import Foundation

/// A problem running the meeting pipeline.
public enum PipelineError: Error, LocalizedError, Equatable {
    case invalid(String)

    public var errorDescription: String? {
        switch self {
        case .invalid(let reason): reason
        }
    }
}
