import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock (`flock`) on `.mockpilot.lock` in a watched folder, held for one write at a
/// time: two MockPilot processes writing into the same folder take turns, and each re-reads what
/// the other wrote before writing its own component. The lock goes with its file descriptor, so a
/// process killed while holding it releases it.
enum FolderLock {
    static let fileName = ".mockpilot.lock"

    /// Runs `body` while holding the folder's lock, waiting for another process to release it.
    static func holding<T>(_ folder: String, _ body: () throws(OutputError) -> T) throws(OutputError) -> T {
        let path = folder + "/" + fileName
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { throw OutputError.from(errno: errno, path: path) }
        defer { _ = close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw OutputError.from(errno: errno, path: path) }
        }
        defer { _ = flock(fd, LOCK_UN) }
        return try body()
    }

    /// Whether a process with this id is still running (EPERM: it runs as someone else).
    static func isAlive(pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
