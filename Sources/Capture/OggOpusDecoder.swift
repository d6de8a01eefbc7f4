import COpus
import Foundation

/// Decodes Ogg Opus (RFC 7845) to mono float at 48 kHz: parses OpusHead and OpusTags,
/// feeds each audio packet to libopus, drops the encoder's pre-skip from the front and trims
/// the end to the last page's granule position, so the length matches the original exactly.
struct OggOpusDecoder {
    struct Head: Equatable {
        var channels: Int
        var preSkip: Int
        var inputRate: Int
        var gainQ8: Int16          // Q7.8 dB, applied to the output
        var mappingFamily: Int
        var streams: Int
        var coupled: Int
        var mapping: [UInt8]
    }

    let path: String
    /// The longest Opus packet is 120 ms: 5760 samples per channel at 48 kHz.
    private static let maxFrame = 5760

    func decode(_ r: ByteReader) throws -> [Float] {
        let (packets, lastGranule) = try OggReader(path: path).packets(r)
        guard let first = packets.first else {
            throw CaptureError.malformed(path: path, detail: "no Ogg packets")
        }
        let head = try parseHead(first.data)
        guard packets.count >= 2, packets[1].data.starts(with: Array("OpusTags".utf8)) else {
            throw CaptureError.malformed(path: path, detail: "missing OpusTags header")
        }
        var decoded = try decodePackets(packets.dropFirst(2), head: head)
        // Pre-skip: the decoder's warm-up output, not part of the recording.
        let skip = min(head.preSkip, decoded.count)
        decoded.removeFirst(skip)
        // The last granule counts pre-skip too; anything past it is encoder padding.
        if lastGranule >= 0 {
            let total = max(0, Int(lastGranule) - head.preSkip)
            if decoded.count > total { decoded.removeLast(decoded.count - total) }
        }
        guard !decoded.isEmpty else { throw CaptureError.noAudio(path: path) }
        return decoded
    }

    func parseHead(_ p: [UInt8]) throws -> Head {
        let r = ByteReader(bytes: p)
        guard r.has(19, at: 0), r.starts(with: "OpusHead") else {
            throw CaptureError.malformed(path: path, detail: "OpusHead header too short")
        }
        guard r.u8(8) >> 4 == 0 else {
            throw CaptureError.unsupportedCodec(path: path, codec: "Opus header version \(r.u8(8))")
        }
        let channels = Int(r.u8(9))
        guard channels > 0 else { throw CaptureError.malformed(path: path, detail: "OpusHead has 0 channels") }
        var head = Head(
            channels: channels, preSkip: Int(r.u16(10)), inputRate: Int(r.u32(12)), gainQ8: r.i16(16),
            mappingFamily: Int(r.u8(18)), streams: 1, coupled: channels == 2 ? 1 : 0, mapping: [0, 1])
        if head.mappingFamily == 0 {
            guard channels <= 2 else {
                throw CaptureError.malformed(path: path, detail: "mapping family 0 with \(channels) channels")
            }
            head.mapping = Array([0, 1].prefix(channels))
        } else {
            guard r.has(2 + channels, at: 19) else {
                throw CaptureError.malformed(path: path, detail: "OpusHead channel mapping table cut short")
            }
            head.streams = Int(r.u8(19))
            head.coupled = Int(r.u8(20))
            head.mapping = Array(p[21..<21 + channels])
            guard head.streams > 0, head.coupled <= head.streams else {
                throw CaptureError.malformed(path: path, detail: "OpusHead stream counts")
            }
        }
        return head
    }

    private func decodePackets(_ packets: ArraySlice<OggReader.Packet>, head: Head) throws -> [Float] {
        var error: Int32 = 0
        let decoder = opus_multistream_decoder_create(
            48000, Int32(head.channels), Int32(head.streams), Int32(head.coupled), head.mapping, &error)
        guard error == OPUS_OK, let decoder else {
            throw CaptureError.opusDecode(path: path, detail: Self.message(error))
        }
        defer { opus_multistream_decoder_destroy(decoder) }

        let gain = Float(pow(10, Double(head.gainQ8) / (20 * 256)))
        let downmix = gain / Float(head.channels)
        var pcm = [Float](repeating: 0, count: Self.maxFrame * head.channels)
        var out: [Float] = []
        out.reserveCapacity(packets.count * 960)
        for (index, packet) in packets.enumerated() where !packet.data.isEmpty {
            let frames = opus_multistream_decode_float(
                decoder, packet.data, Int32(packet.data.count), &pcm, Int32(Self.maxFrame), 0)
            guard frames >= 0 else {
                throw CaptureError.opusDecode(path: path, detail: "packet \(index + 3): \(Self.message(frames))")
            }
            for f in 0..<Int(frames) {
                var sum: Float = 0
                for c in 0..<head.channels { sum += pcm[f * head.channels + c] }
                out.append(max(-1, min(1, sum * downmix)))
            }
        }
        return out
    }

    static func message(_ code: Int32) -> String {
        guard let text = opus_strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
