/// The Ogg CRC-32: polynomial 0x04C11DB7, no reflection, zero initial value, computed over
/// the page with its own checksum field read as zero.
enum OggCRC {
    private static let table: [UInt32] = (0..<256).map { i in
        var r = UInt32(i) << 24
        for _ in 0..<8 { r = r & 0x8000_0000 != 0 ? (r << 1) ^ 0x04C1_1DB7 : r << 1 }
        return r
    }

    static func checksum(_ bytes: [UInt8], _ range: Range<Int>, crcAt: Int) -> UInt32 {
        var crc: UInt32 = 0
        for i in range {
            let b: UInt8 = (crcAt..<crcAt + 4).contains(i) ? 0 : bytes[i]
            crc = (crc << 8) ^ table[Int((crc >> 24) ^ UInt32(b))]
        }
        return crc
    }
}
