import Foundation

/// A setting that could not be read, with the file and line to fix.
public enum ConfigError: Error, LocalizedError, Equatable {
    case syntax(file: String, line: Int, reason: String)
    case unknownKey(file: String, line: Int, key: String)
    case badValue(file: String, line: Int, key: String, reason: String)
    case badEnvironment(variable: String, reason: String)
    case unreadable(file: String)

    public var errorDescription: String? {
        switch self {
        case .syntax(let file, let line, let reason): "\(file):\(line): \(reason)"
        case .unknownKey(let file, let line, let key): "\(file):\(line): unknown setting '\(key)' (see mockpilot.conf.example)"
        case .badValue(let file, let line, let key, let reason): "\(file):\(line): \(key): \(reason)"
        case .badEnvironment(let variable, let reason): "environment variable \(variable): \(reason)"
        case .unreadable(let file): "\(file): cannot be read"
        }
    }
}
