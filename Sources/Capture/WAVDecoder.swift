/// Decodes RIFF/RF64 WAVE files: PCM u8/s16/s24/s32, IEEE float32/float64, and
/// WAVE_FORMAT_EXTENSIBLE wrapping either. Output is mono float at the file's own rate, a
/// block at a time: only the header chunks and one block of samples are ever in memory.
///
/// A truncated file (the data chunk claims more bytes than exist, as when a recorder is
/// killed mid-write) decodes the whole frames that are there: losing the last second of a
/// meeting is better than refusing the other hour. A header cut short is an error.
struct WAVDecoder {
    struct Format: Equatable {
        var sampleRate: Int
        var channels: Int
        var bytesPerSample: Int   // container width of one sample of one channel
        var isFloat: Bool

        var frameBytes: Int { bytesPerSample * channels }
    }

    let path: String

    /// Reads the chunks before `data` (skipping any it does not need) and returns a reader
    /// positioned at the first frame.
    func open(_ source: any ByteSource) throws -> WAVFrames {
        let riff = ByteReader(bytes: try source.read(at: 0, count: 12))
        guard riff.has(12, at: 0), riff.starts(with: "WAVE", at: 8) else {
            throw CaptureError.malformed(path: path, detail: "RIFF header without WAVE")
        }
        let isRF64 = riff.starts(with: "RF64")
        var offset = 12
        var format: Format?
        var rf64DataSize: UInt64?
        while offset <= source.count - 8 {
            let header = ByteReader(bytes: try source.read(at: offset, count: 8))
            let id = header.ascii(0, 4)
            let declared = UInt64(header.u32(4))
            let body = offset + 8
            switch id {
            case "ds64" where isRF64:
                let ds64 = ByteReader(bytes: try source.read(at: body, count: 16))
                if ds64.has(16, at: 0) { rf64DataSize = ds64.u64(8) }
            case "fmt ":
                // 40 bytes hold the extensible layout; anything past it is not needed. At least 16
                // are read whatever the chunk claims, so a short claim is told from a cut file.
                let bytes = ByteReader(bytes: try source.read(at: body, count: Int(min(max(declared, 16), 40))))
                format = try parseFormat(bytes, size: Int(min(declared, UInt64(Int32.max))))
            case "data":
                guard let format else {
                    throw CaptureError.malformed(path: path, detail: "data chunk before fmt chunk")
                }
                var size = declared
                if isRF64, declared == 0xFFFF_FFFF, let big = rf64DataSize { size = big }
                // Streaming writers leave 0 or 0xFFFFFFFF; a killed recorder leaves too much.
                let available = UInt64(source.count - body)
                if size == 0 || size == 0xFFFF_FFFF || size > available { size = available }
                let frames = Int(size) / format.frameBytes
                guard frames > 0 else { throw CaptureError.noAudio(path: path) }
                return WAVFrames(format: format, source: source, start: body, frames: frames)
            default:
                break
            }
            // Every chunk before `data` must fit in the file, or `data` can never be reached:
            // say which header is damaged instead of calling the file empty.
            let remaining = UInt64(source.count - body)
            guard declared <= remaining else {
                throw CaptureError.malformed(path: path, detail: "the '\(id.filter { $0 != " " })' chunk claims \(declared) bytes, "
                                             + "more than the \(remaining) left in the file (damaged header?)")
            }
            // Chunks are word-aligned: an odd size is followed by one pad byte.
            let advance = declared + (declared & 1)
            guard advance < UInt64(Int.max - body) else { break }
            offset = body + Int(advance)
        }
        if format == nil {
            throw CaptureError.malformed(path: path, detail: "no fmt chunk (file truncated?)")
        }
        throw CaptureError.noAudio(path: path)
    }

    /// `r` holds the fmt chunk's body from its first byte; `size` is what the chunk declares.
    private func parseFormat(_ r: ByteReader, size: Int) throws -> Format {
        guard r.has(16, at: 0) else {
            throw CaptureError.malformed(path: path, detail: "fmt chunk cut short (file truncated?)")
        }
        guard size >= 16 else {
            throw CaptureError.malformed(path: path, detail: "fmt chunk shorter than 16 bytes")
        }
        var tag = r.u16(0)
        let channels = Int(r.u16(2))
        let rate = Int(r.u32(4))
        let blockAlign = Int(r.u16(12))
        let bits = Int(r.u16(14))
        if tag == 0xFFFE {
            // WAVE_FORMAT_EXTENSIBLE: the real format tag is the first two bytes of the GUID.
            guard size >= 40, r.has(40, at: 0) else {
                throw CaptureError.malformed(path: path, detail: "extensible fmt chunk too short")
            }
            tag = r.u16(24)
        }
        guard tag == 1 || tag == 3 else {
            throw CaptureError.unsupportedCodec(path: path, codec: Self.codecName(tag))
        }
        guard channels > 0 else {
            throw CaptureError.malformed(path: path, detail: "0 channels")
        }
        guard (1000...768_000).contains(rate) else {
            throw CaptureError.malformed(path: path, detail: "sample rate \(rate) Hz")
        }
        // Trust blockAlign for the container (24-in-32 extensible), bits when it is missing.
        var width = blockAlign / channels
        if width == 0 || blockAlign % channels != 0 { width = (bits + 7) / 8 }
        let isFloat = tag == 3
        let valid = isFloat ? [4, 8].contains(width) : [1, 2, 3, 4].contains(width)
        guard valid else {
            let kind = isFloat ? "float" : "PCM"
            throw CaptureError.unsupportedCodec(path: path, codec: "\(bits)-bit \(kind)")
        }
        return Format(sampleRate: rate, channels: channels, bytesPerSample: width, isFloat: isFloat)
    }

    static func codecName(_ tag: UInt16) -> String {
        let names: [UInt16: String] = [
            0x0002: "Microsoft ADPCM", 0x0006: "A-law", 0x0007: "mu-law", 0x0011: "IMA ADPCM",
            0x0031: "GSM 6.10", 0x0050: "MPEG", 0x0055: "MP3", 0x00FF: "AAC", 0x1610: "AAC",
        ]
        let hex = "0x" + String(tag, radix: 16, uppercase: true)
        return names[tag].map { "\($0) (WAV format \(hex))" } ?? "WAV format \(hex)"
    }
}

/// The frames of a WAV data chunk, read and downmixed a block at a time.
struct WAVFrames: DecodedAudio {
    let format: WAVDecoder.Format
    private let source: any ByteSource
    private var next: Int          // byte offset of the next frame
    private let end: Int           // one past the last whole frame
    /// About 85 ms at 48 kHz: big enough that a read costs little, small enough to stay cache-hot.
    static let blockFrames = 4096

    init(format: WAVDecoder.Format, source: any ByteSource, start: Int, frames: Int) {
        self.format = format
        self.source = source
        next = start
        end = start + frames * format.frameBytes
    }

    var sampleRate: Int { format.sampleRate }

    mutating func nextBlock() throws -> [Float]? {
        guard next < end else { return nil }
        let bytes = try source.read(at: next, count: min(end - next, Self.blockFrames * format.frameBytes))
        let frames = bytes.count / format.frameBytes
        guard frames > 0 else { return nil }   // the file shrank since it was opened
        next += frames * format.frameBytes
        return Self.downmix(bytes, frames: frames, format: format)
    }

    /// Averages the channels of each frame.
    private static func downmix(_ bytes: [UInt8], frames: Int, format: WAVDecoder.Format) -> [Float] {
        let scale = 1 / Float(format.channels)
        return [Float](unsafeUninitializedCapacity: frames) { out, initialized in
            bytes.withUnsafeBufferPointer { raw in
                var p = 0
                for f in 0..<frames {
                    var sum: Float = 0
                    for _ in 0..<format.channels {
                        sum += sample(raw, at: p, format: format)
                        p += format.bytesPerSample
                    }
                    out[f] = sum * scale
                }
            }
            initialized = frames
        }
    }

    private static func sample(_ b: UnsafeBufferPointer<UInt8>, at p: Int, format: WAVDecoder.Format) -> Float {
        switch (format.isFloat, format.bytesPerSample) {
        case (true, 4):
            let bits = UInt32(b[p]) | UInt32(b[p + 1]) << 8 | UInt32(b[p + 2]) << 16 | UInt32(b[p + 3]) << 24
            return clampFinite(Float(bitPattern: bits))
        case (true, _):
            var bits: UInt64 = 0
            for i in 0..<8 { bits |= UInt64(b[p + i]) << (8 * UInt64(i)) }
            return clampFinite(Float(Double(bitPattern: bits)))
        case (false, 1):
            return (Float(b[p]) - 128) / 128   // 8-bit WAV is unsigned
        case (false, 2):
            return Float(Int16(bitPattern: UInt16(b[p]) | UInt16(b[p + 1]) << 8)) / 32768
        case (false, 3):
            let v = Int32(bitPattern: UInt32(b[p]) << 8 | UInt32(b[p + 1]) << 16 | UInt32(b[p + 2]) << 24)
            return Float(v >> 8) / 8_388_608
        default:
            let v = Int32(bitPattern: UInt32(b[p]) | UInt32(b[p + 1]) << 8 | UInt32(b[p + 2]) << 16 | UInt32(b[p + 3]) << 24)
            return Float(Double(v) / 2_147_483_648)
        }
    }

    /// Float files may hold NaN or overs; neither may reach the model.
    private static func clampFinite(_ v: Float) -> Float {
        v.isFinite ? max(-1, min(1, v)) : 0
    }
}
