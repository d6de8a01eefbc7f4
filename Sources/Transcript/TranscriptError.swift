import Foundation

/// A transcript that could not be read, with where.
public enum TranscriptError: Error, LocalizedError, Equatable {
    case unreadable(file: String, reason: String)
    case empty(file: String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file, let reason): "\(file): \(reason)"
        case .empty(let file): "\(file): no transcript lines found (expected WebVTT, SRT, TranscriptMsg JSON Lines or plain text)"
        }
    }
}

/// A line that was skipped; the rest of the transcript still goes through.
public struct TranscriptWarning: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(reason)" }
}
