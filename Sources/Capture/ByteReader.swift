/// Little-endian reads from a byte buffer at explicit offsets. Callers check bounds with
/// `has(_:at:)` first, so a truncated header becomes an error and never a trap.
struct ByteReader {
    let bytes: [UInt8]

    var count: Int { bytes.count }

    func has(_ length: Int, at offset: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= bytes.count - length
    }

    func u8(_ offset: Int) -> UInt8 { bytes[offset] }

    func u16(_ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    func i16(_ offset: Int) -> Int16 { Int16(bitPattern: u16(offset)) }

    func u32(_ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
            | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }

    func u64(_ offset: Int) -> UInt64 {
        UInt64(u32(offset)) | UInt64(u32(offset + 4)) << 32
    }

    func ascii(_ offset: Int, _ length: Int) -> String {
        guard has(length, at: offset) else { return "" }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    func starts(with magic: String, at offset: Int = 0) -> Bool {
        let m = Array(magic.utf8)
        guard has(m.count, at: offset) else { return false }
        return Array(bytes[offset..<offset + m.count]) == m
    }
}
