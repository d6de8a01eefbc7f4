import Foundation

/// The bytes of an audio file, read on demand at any offset: a decoder asks for a header or a
/// block of samples at a time, so a three-hour recording never sits in memory whole.
protocol ByteSource {
    /// Total length in bytes.
    var count: Int { get }
    /// Up to `length` bytes from `offset`; fewer only where the source ends.
    func read(at offset: Int, count length: Int) throws -> [UInt8]
}

/// Bytes already in memory (`AudioFile.decode(bytes:name:)`, tests).
struct MemoryBytes: ByteSource {
    let bytes: [UInt8]

    var count: Int { bytes.count }

    func read(at offset: Int, count length: Int) throws -> [UInt8] {
        let lo = min(max(0, offset), bytes.count)
        let hi = lo + min(max(0, length), bytes.count - lo)
        return Array(bytes[lo..<hi])
    }
}

/// A regular file read with `pread`: no shared file position, and no page of it stays
/// resident after its block is decoded (a memory map would keep every page it touched).
final class FileBytes: ByteSource {
    let path: String
    let count: Int
    private let descriptor: Int32

    init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = errno == ENOENT || errno == ENOTDIR ? "no such file" : "permission denied or not a file"
            throw CaptureError.unreadable(path: path, reason: reason)
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw CaptureError.unreadable(path: path, reason: "permission denied or not a file")
        }
        self.path = path
        descriptor = fd
        count = Int(info.st_size)
    }

    deinit { close(descriptor) }

    func read(at offset: Int, count length: Int) throws -> [UInt8] {
        let wanted = max(0, min(length, count - offset))
        guard offset >= 0, wanted > 0 else { return [] }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
            var done = 0
            while done < wanted {
                let n = pread(descriptor, buffer.baseAddress.map { $0 + done }, wanted - done, off_t(offset + done))
                if n > 0 {
                    done += n
                } else if n < 0, errno == EINTR {
                    continue
                } else {
                    if n < 0 { failure = errno }
                    break   // 0: the file shrank under us; what was read is what there is
                }
            }
            initialized = done
        }
        if failure != 0 {
            throw CaptureError.unreadable(path: path, reason: String(cString: strerror(failure)))
        }
        return bytes
    }
}
