/// Splits an Ogg bitstream (RFC 3533) into the packets of its first logical stream, one page
/// at a time: only the page being read is in memory. Each page is CRC-checked; a page cut off
/// at the end of the file ends the stream quietly, so a truncated recording decodes up to its
/// last whole page.
struct OggReader {
    struct Packet {
        var data: [UInt8]
        /// Granule position of the page on which this packet ends, or -1 if none ends there.
        var granule: Int64
        var isLastOnPage: Bool
    }

    let path: String
    private let source: any ByteSource
    private var offset = 0
    private var serial: UInt32?
    private var partial: [UInt8] = []
    private var ready: [Packet] = []
    private var readyIndex = 0
    private var ended = false
    /// The granule of the latest page that ended a packet: the stream's length so far.
    private(set) var lastGranule: Int64 = -1

    init(path: String, source: any ByteSource) {
        self.path = path
        self.source = source
    }

    /// The next whole packet, or nil at the end of the stream.
    mutating func next() throws -> Packet? {
        while readyIndex == ready.count {
            guard !ended else { return nil }
            ready.removeAll(keepingCapacity: true)
            readyIndex = 0
            try readPage()
        }
        defer { readyIndex += 1 }
        return ready[readyIndex]
    }

    private mutating func readPage() throws {
        let header = ByteReader(bytes: try source.read(at: offset, count: 27))
        guard header.has(27, at: 0) else {
            ended = true
            return
        }
        guard header.starts(with: "OggS") else {
            throw CaptureError.malformed(path: path, detail: "no Ogg page at byte \(offset)")
        }
        guard header.u8(4) == 0 else {
            throw CaptureError.malformed(path: path, detail: "unknown Ogg version at byte \(offset)")
        }
        let segments = Int(header.u8(26))
        let table = try source.read(at: offset + 27, count: segments)
        guard table.count == segments else {
            ended = true   // truncated last page
            return
        }
        let bodyLength = table.reduce(0) { $0 + Int($1) }
        let page = try source.read(at: offset, count: 27 + segments + bodyLength)
        guard page.count == 27 + segments + bodyLength else {
            ended = true   // truncated last page
            return
        }
        let r = ByteReader(bytes: page)
        guard OggCRC.checksum(page, 0..<page.count, crcAt: 22) == r.u32(22) else {
            throw CaptureError.malformed(path: path, detail: "Ogg page checksum mismatch at byte \(offset)")
        }
        let granule = Int64(bitPattern: r.u64(6))
        let pageSerial = r.u32(14)
        if serial == nil { serial = pageSerial }
        if pageSerial == serial {
            var cursor = 27 + segments
            for lace in table.map(Int.init) {
                partial.append(contentsOf: page[cursor..<cursor + lace])
                cursor += lace
                // A lacing value below 255 ends a packet; 255 continues it.
                if lace < 255 {
                    ready.append(Packet(data: partial, granule: -1, isLastOnPage: false))
                    partial.removeAll(keepingCapacity: true)
                }
            }
            if !ready.isEmpty {
                ready[ready.count - 1].granule = granule
                ready[ready.count - 1].isLastOnPage = true
                if granule >= 0 { lastGranule = granule }
            }
            if r.u8(5) & 0x04 != 0 { ended = true }   // end of stream
        }
        offset += page.count
    }
}
