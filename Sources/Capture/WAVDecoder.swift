/// Decodes RIFF/RF64 WAVE files: PCM u8/s16/s24/s32, IEEE float32/float64, and
/// WAVE_FORMAT_EXTENSIBLE wrapping either. Output is mono float at the file's own rate.
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
    }

    let path: String

    func decode(_ r: ByteReader) throws -> (samples: [Float], sampleRate: Int) {
        guard r.has(12, at: 0), r.starts(with: "WAVE", at: 8) else {
            throw CaptureError.malformed(path: path, detail: "RIFF header without WAVE")
        }
        let isRF64 = r.starts(with: "RF64")
        var offset = 12
        var format: Format?
        var rf64DataSize: UInt64?
        while r.has(8, at: offset) {
            let id = r.ascii(offset, 4)
            let declared = UInt64(r.u32(offset + 4))
            let body = offset + 8
            switch id {
            case "ds64" where isRF64 && r.has(16, at: body):
                rf64DataSize = r.u64(body + 8)
            case "fmt ":
                format = try parseFormat(r, at: body, size: Int(min(declared, UInt64(Int32.max))))
            case "data":
                guard let format else {
                    throw CaptureError.malformed(path: path, detail: "data chunk before fmt chunk")
                }
                var size = declared
                if isRF64, declared == 0xFFFF_FFFF, let big = rf64DataSize { size = big }
                // Streaming writers leave 0 or 0xFFFFFFFF; a killed recorder leaves too much.
                let available = UInt64(r.count - body)
                if size == 0 || size == 0xFFFF_FFFF || size > available { size = available }
                let samples = convert(r, from: body, byteCount: Int(size), format: format)
                guard !samples.isEmpty else { throw CaptureError.noAudio(path: path) }
                return (samples, format.sampleRate)
            default:
                break
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

    private func parseFormat(_ r: ByteReader, at body: Int, size: Int) throws -> Format {
        guard r.has(16, at: body) else {
            throw CaptureError.malformed(path: path, detail: "fmt chunk cut short (file truncated?)")
        }
        guard size >= 16 else {
            throw CaptureError.malformed(path: path, detail: "fmt chunk shorter than 16 bytes")
        }
        var tag = r.u16(body)
        let channels = Int(r.u16(body + 2))
        let rate = Int(r.u32(body + 4))
        let blockAlign = Int(r.u16(body + 12))
        let bits = Int(r.u16(body + 14))
        if tag == 0xFFFE {
            // WAVE_FORMAT_EXTENSIBLE: the real format tag is the first two bytes of the GUID.
            guard size >= 40, r.has(40, at: body) else {
                throw CaptureError.malformed(path: path, detail: "extensible fmt chunk too short")
            }
            tag = r.u16(body + 24)
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

    /// Reads whole frames and averages the channels (downmix) as it goes.
    private func convert(_ r: ByteReader, from start: Int, byteCount: Int, format: Format) -> [Float] {
        let frameBytes = format.bytesPerSample * format.channels
        let frames = byteCount / frameBytes
        var out = [Float](repeating: 0, count: frames)
        let scale = 1 / Float(format.channels)
        r.bytes.withUnsafeBufferPointer { raw in
            for f in 0..<frames {
                var sum: Float = 0
                var p = start + f * frameBytes
                for _ in 0..<format.channels {
                    sum += Self.sample(raw, at: p, format: format)
                    p += format.bytesPerSample
                }
                out[f] = sum * scale
            }
        }
        return out
    }

    private static func sample(_ b: UnsafeBufferPointer<UInt8>, at p: Int, format: Format) -> Float {
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

    static func codecName(_ tag: UInt16) -> String {
        let names: [UInt16: String] = [
            0x0002: "Microsoft ADPCM", 0x0006: "A-law", 0x0007: "mu-law", 0x0011: "IMA ADPCM",
            0x0031: "GSM 6.10", 0x0050: "MPEG", 0x0055: "MP3", 0x00FF: "AAC", 0x1610: "AAC",
        ]
        let hex = "0x" + String(tag, radix: 16, uppercase: true)
        return names[tag].map { "\($0) (WAV format \(hex))" } ?? "WAV format \(hex)"
    }
}
