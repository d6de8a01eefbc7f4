import Foundation

/// Why a component or an export could not be written. Every case names the path, so the one-line
/// description tells the user which folder to fix.
public enum OutputError: Error, LocalizedError, Equatable {
    /// The folder or file cannot be written (permissions, a read-only mount).
    case notWritable(path: String, reason: String)
    /// Something that must be a folder is a file.
    case notADirectory(path: String)
    /// The disk (or quota) is full; nothing was left half-written.
    case diskFull(path: String)
    /// Any other failed system call.
    case writeFailed(path: String, reason: String)
    /// The manifest exists but is not one MockPilot can read.
    case badManifest(path: String, reason: String)
    /// An export would replace a file MockPilot did not write.
    case wouldOverwrite(path: String)

    public var errorDescription: String? {
        switch self {
        case .notWritable(let path, let reason):
            "cannot write to \(path): \(reason); choose another output folder or fix its permissions"
        case .notADirectory(let path):
            "\(path) is a file, not a folder; choose another output folder"
        case .diskFull(let path):
            "no space left on the device while writing \(path); free some space and try again"
        case .writeFailed(let path, let reason):
            "cannot write \(path): \(reason)"
        case .badManifest(let path, let reason):
            "\(path) is not a MockPilot manifest (\(reason)); move it away or choose another output folder"
        case .wouldOverwrite(let path):
            "\(path) already exists and was not written by MockPilot; export to an empty folder"
        }
    }

    /// Maps a failed system call's `errno` to the case a user can act on.
    static func from(errno code: Int32, path: String) -> OutputError {
        let reason = String(cString: strerror(code))
        switch code {
        case EACCES, EPERM, EROFS: return .notWritable(path: path, reason: reason)
        case ENOSPC, EDQUOT: return .diskFull(path: path)
        case ENOTDIR: return .notADirectory(path: fileInTheWay(of: path) ?? path)
        default: return .writeFailed(path: path, reason: reason)
        }
    }

    /// The file that sits where a folder of `path` should be ("/out/src" for
    /// "/out/src/components/A.jsx"): that, not the file being written, is what to move away.
    static func fileInTheWay(of path: String) -> String? {
        var url = URL(fileURLWithPath: path).deletingLastPathComponent()
        while url.path != "/" && !url.path.isEmpty {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
                return isDirectory.boolValue ? nil : url.path
            }
            url.deleteLastPathComponent()
        }
        return nil
    }
}
