import Foundation
import Synchronization

/// The one file every logger of a process appends to, rotated by size so a long-running
/// `serve` never fills the disk: past `maxBytes` the file becomes `NAME.1`, the older ones move up
/// to `NAME.<keep>`, and the oldest is deleted. A failed write is dropped, never thrown: the log
/// must not stop a meeting or a request.
public final class LogFile: Sendable {
    public let path: String
    public let maxBytes: Int
    /// Rotated files kept beside the live one.
    public let keep: Int
    private let state: Mutex<State>

    private struct State {
        var handle: FileHandle?
        var size: Int
    }

    public static let defaultMaxBytes = 5 * 1024 * 1024
    public static let defaultKeep = 3

    /// `$XDG_STATE_HOME/mockpilot/mockpilot.log`, or `~/.local/state/mockpilot/mockpilot.log`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/mockpilot/mockpilot.log" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state/mockpilot/mockpilot.log"
    }

    /// Opens `path` for appending (making its folder); a file that cannot be made is a `LogError`.
    public init(path: String, maxBytes: Int = LogFile.defaultMaxBytes, keep: Int = LogFile.defaultKeep) throws(LogError) {
        self.path = path
        self.maxBytes = max(1, maxBytes)
        self.keep = max(0, keep)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotOpen(path: path, reason: "cannot create \(folder)")
        }
        guard let (handle, size) = Self.open(path) else { throw .cannotOpen(path: path, reason: "it cannot be written") }
        state = Mutex(State(handle: handle, size: size))
    }

    deinit {
        state.withLock { state in try? state.handle?.close() }
    }

    /// Appends `line` (which ends in a newline), rotating first when it would pass `maxBytes`.
    public func append(_ line: String) {
        let bytes = Data(line.utf8)
        state.withLock { state in
            if state.size > 0, state.size > maxBytes - bytes.count { rotate(&state) }
            guard let handle = state.handle else { return }
            do {
                try handle.write(contentsOf: bytes)
                state.size += bytes.count
            } catch {
                // A full disk or a removed folder: the line is lost, the process goes on.
            }
        }
    }

    /// `path` -> `path.1` -> ... -> `path.<keep>`, the oldest deleted, and a new empty `path`.
    private func rotate(_ state: inout State) {
        try? state.handle?.close()
        state.handle = nil
        let manager = FileManager.default
        if keep == 0 {
            try? manager.removeItem(atPath: path)
        } else {
            try? manager.removeItem(atPath: "\(path).\(keep)")
            for number in stride(from: keep - 1, through: 1, by: -1) {
                try? manager.moveItem(atPath: "\(path).\(number)", toPath: "\(path).\(number + 1)")
            }
            try? manager.moveItem(atPath: path, toPath: "\(path).1")
        }
        let reopened = Self.open(path)
        state.handle = reopened?.handle
        state.size = reopened?.size ?? 0
    }

    /// The file for appending and its size, created (owner-only: a log is nobody else's business) when missing.
    private static func open(_ path: String) -> (handle: FileHandle, size: Int)? {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else { return nil }
        }
        guard let handle = FileHandle(forWritingAtPath: path), let end = try? handle.seekToEnd() else { return nil }
        return (handle, Int(clamping: end))
    }
}

/// Why the log could not be opened, in a line the user can act on.
public enum LogError: Error, LocalizedError, Equatable {
    case cannotOpen(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .cannotOpen(let path, let reason): "cannot write the log \(path): \(reason); set XDG_STATE_HOME to a writable folder"
        }
    }
}
