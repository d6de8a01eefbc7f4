/// Splits an Ogg bitstream (RFC 3533) into the packets of its first logical stream.
/// Each page is CRC-checked; a page cut off at the end of the file ends the stream quietly,
/// so a truncated recording decodes up to its last whole page.
struct OggReader {
    struct Packet {
        var data: [UInt8]
        /// Granule position of the page on which this packet ends, or -1 if none ends there.
        var granule: Int64
        var isLastOnPage: Bool
    }

    let path: String

    func packets(_ r: ByteReader) throws -> (packets: [Packet], lastGranule: Int64) {
        var offset = 0
        var serial: UInt32?
        var packets: [Packet] = []
        var partial: [UInt8] = []
        var lastGranule: Int64 = -1
        while r.has(27, at: offset) {
            guard r.starts(with: "OggS", at: offset) else {
                throw CaptureError.malformed(path: path, detail: "no Ogg page at byte \(offset)")
            }
            guard r.u8(offset + 4) == 0 else {
                throw CaptureError.malformed(path: path, detail: "unknown Ogg version at byte \(offset)")
            }
            let granule = Int64(bitPattern: r.u64(offset + 6))
            let pageSerial = r.u32(offset + 14)
            let segments = Int(r.u8(offset + 26))
            guard r.has(segments, at: offset + 27) else { break }
            var bodyLength = 0
            for s in 0..<segments { bodyLength += Int(r.u8(offset + 27 + s)) }
            let bodyStart = offset + 27 + segments
            guard r.has(bodyLength, at: bodyStart) else { break }   // truncated last page
            let pageEnd = bodyStart + bodyLength
            guard OggCRC.checksum(r.bytes, offset..<pageEnd, crcAt: offset + 22) == r.u32(offset + 22) else {
                throw CaptureError.malformed(path: path, detail: "Ogg page checksum mismatch at byte \(offset)")
            }
            if serial == nil { serial = pageSerial }
            if pageSerial == serial {
                var cursor = bodyStart
                var endedHere: [Int] = []
                for s in 0..<segments {
                    let lace = Int(r.u8(offset + 27 + s))
                    partial.append(contentsOf: r.bytes[cursor..<cursor + lace])
                    cursor += lace
                    // A lacing value below 255 ends a packet; 255 continues it.
                    if lace < 255 {
                        packets.append(Packet(data: partial, granule: -1, isLastOnPage: false))
                        endedHere.append(packets.count - 1)
                        partial.removeAll(keepingCapacity: true)
                    }
                }
                if let last = endedHere.last {
                    packets[last].granule = granule
                    packets[last].isLastOnPage = true
                    if granule >= 0 { lastGranule = granule }
                }
                if r.u8(offset + 5) & 0x04 != 0 { break }   // end of stream
            }
            offset = pageEnd
        }
        return (packets, lastGranule)
    }
}

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
