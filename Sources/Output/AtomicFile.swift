import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let posixWrite = Glibc.write
#elseif canImport(Darwin)
private let posixWrite = Darwin.write
#endif

/// Whole-file writes a watcher can never see half-done: the bytes go to a temporary file in the
/// same folder, are flushed to disk, and the temporary file is renamed over the target (rename is
/// atomic within one file system). On any failure the temporary file is removed.
enum AtomicFile {
    /// Temporary files start with this so a sweep can find ones a crash left behind; the name
    /// ends in `-<pid>-<random>`, so a sweep can tell whose they are.
    static let tempPrefix = ".mockpilot-tmp-"

    /// `durable: false` skips the flushes for a file that is rebuilt from others at every start
    /// (the index): a crash may then lose its latest form, never leave half of it.
    static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws(OutputError) {
        let directory = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        let temp = directory + "/" + tempPrefix + base + "-\(getpid())-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)

        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 { throw OutputError.from(errno: errno, path: path) }
        do throws(OutputError) {
            try writeAll(bytes, fd: fd, path: path)
            // Some file systems report a full disk only when the data is flushed.
            if durable, fsync(fd) != 0 { throw OutputError.from(errno: errno, path: path) }
            let closed = close(fd)
            if closed != 0 { throw OutputError.from(errno: errno, path: path) }
        } catch {
            _ = close(fd)  // may already be closed; EBADF is harmless here
            unlink(temp)
            throw error
        }
        if rename(temp, path) != 0 {
            let code = errno
            unlink(temp)
            throw OutputError.from(errno: code, path: path)
        }
        if durable { syncDirectory(directory) }
    }

    static func write(_ text: String, to path: String, durable: Bool = true) throws(OutputError) {
        try write(Array(text.utf8), to: path, durable: durable)
    }

    /// The process that made temporary file `name`, or nil when the name carries none (a file
    /// from an older MockPilot, which never outlives the write that made it).
    static func owner(ofTemporary name: String) -> Int32? {
        let parts = name.split(separator: "-")
        guard parts.count >= 2 else { return nil }
        return Int32(parts[parts.count - 2])
    }

    /// Appends `bytes` to `path` (created when missing) and, when `sync`, flushes them to disk.
    static func append(_ bytes: [UInt8], to path: String, sync: Bool) throws(OutputError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        if fd < 0 { throw OutputError.from(errno: errno, path: path) }
        defer { _ = close(fd) }
        try writeAll(bytes, fd: fd, path: path)
        if sync, fsync(fd) != 0 { throw OutputError.from(errno: errno, path: path) }
    }

    /// The file's bytes, or nil when it does not exist or cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }

    /// The file's bytes from `offset` on, or nil when it cannot be read.
    static func read(_ path: String, from offset: Int) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path), let start = UInt64(exactly: offset) else { return nil }
        defer { try? handle.close() }
        do {
            try handle.seek(toOffset: start)
            return [UInt8](try handle.readToEnd() ?? Data())
        } catch {
            return nil
        }
    }

    /// Creates `path` and its parents; a file in the way is `.notADirectory`.
    static func makeDirectory(_ path: String) throws(OutputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw OutputError.notADirectory(path: path) }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeDirectory(parent) }
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw OutputError.from(errno: errno, path: path)
        }
    }

    private static func writeAll(_ bytes: [UInt8], fd: Int32, path: String) throws(OutputError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return posixWrite(fd, base + offset, bytes.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError.from(errno: errno, path: path)
            }
            offset += n
        }
    }

    /// Makes the rename itself durable; failure only costs durability, not correctness.
    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            _ = fsync(fd)
            _ = close(fd)
        }
    }
}
