import Foundation

/// A folder as a POSIX ustar archive, in memory: what `/sessions/{id}/export` sends, so a
/// browser or `curl | tar -x` gets the folder `mockpilot export` writes. Only regular files and
/// folders are stored (an export holds nothing else); names longer than ustar allows are refused.
enum TarArchive {
    static let blockSize = 512

    enum Failure: Error, Equatable {
        /// ustar fits a name of 100 bytes after a prefix of at most 155.
        case nameTooLong(String)
    }

    /// Every file and folder under `folder`, named `root/relative/path`, in sorted order so the
    /// same folder gives the same bytes.
    static func archive(folder: URL, root: String, modified: Date = Date()) throws -> Data {
        let base = folder.standardizedFileURL.path
        let manager = FileManager.default
        var entries: [(name: String, isFolder: Bool)] = [(root, true)]
        if let walker = manager.enumerator(atPath: base) {
            while let relative = walker.nextObject() as? String {
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder) else { continue }
                entries.append((root + "/" + relative, isFolder.boolValue))
            }
        }
        entries.sort { $0.name < $1.name }
        let seconds = max(0, Int(exactly: modified.timeIntervalSince1970.rounded(.down)) ?? 0)
        var data = Data()
        for entry in entries {
            if entry.isFolder {
                data.append(try header(name: entry.name + "/", size: 0, mode: 0o755, type: "5", modified: seconds))
                continue
            }
            let relative = entry.name.dropFirst(root.count + 1)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: base + "/" + relative))
            data.append(try header(name: entry.name, size: bytes.count, mode: 0o644, type: "0", modified: seconds))
            data.append(bytes)
            data.append(Data(count: padding(bytes.count)))
        }
        // The end of an archive: two blocks of zeros.
        data.append(Data(count: 2 * blockSize))
        return data
    }

    static func padding(_ size: Int) -> Int {
        (blockSize - size % blockSize) % blockSize
    }

    /// One 512-byte ustar header.
    static func header(name: String, size: Int, mode: Int, type: Character, modified: Int) throws -> Data {
        let (prefix, shortName) = try split(name)
        var block = [UInt8](repeating: 0, count: blockSize)
        func put(_ text: String, at offset: Int, width: Int) {
            for (index, byte) in text.utf8.prefix(width).enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: Int, at offset: Int, width: Int) {
            // Zero-padded digits and a NUL, as tar itself writes them.
            let digits = String(value, radix: 8)
            put(String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits, at: offset, width: width - 1)
        }
        put(shortName, at: 0, width: 100)
        octal(mode, at: 100, width: 8)
        octal(0, at: 108, width: 8)   // uid
        octal(0, at: 116, width: 8)   // gid
        octal(size, at: 124, width: 12)
        octal(modified, at: 136, width: 12)
        put(String(type), at: 156, width: 1)
        put("ustar", at: 257, width: 6)
        put("00", at: 263, width: 2)
        put(prefix, at: 345, width: 155)
        // The checksum is the sum of the header's bytes with its own field read as spaces.
        for index in 148..<156 { block[index] = 0x20 }
        let sum = block.reduce(0) { $0 + Int($1) }
        octal(sum, at: 148, width: 7)   // six digits, then NUL and the space already there
        block[154] = 0
        return Data(block)
    }

    /// ustar's name split: up to 155 bytes of folders in `prefix`, the rest (at most 100) in `name`.
    static func split(_ path: String) throws(Failure) -> (prefix: String, name: String) {
        let bytes = path.utf8.count
        if bytes <= 100 { return ("", path) }
        let slashes = path.indices.filter { path[$0] == "/" && $0 != path.index(before: path.endIndex) }
        for slash in slashes.reversed() {
            let prefix = String(path[..<slash]), name = String(path[path.index(after: slash)...])
            if prefix.utf8.count <= 155, name.utf8.count <= 100 { return (prefix, name) }
        }
        throw .nameTooLong(path)
    }
}
