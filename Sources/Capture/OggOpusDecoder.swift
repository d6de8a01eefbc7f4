import COpus
import Foundation

/// Decodes Ogg Opus (RFC 7845) to mono float at 48 kHz: parses OpusHead and OpusTags,
/// feeds each audio packet to libopus, drops the encoder's pre-skip from the front and trims
/// the end to the last page's granule position, so the length matches the original exactly.
/// Packets are decoded as they are read (`OpusFrames`), never the whole file at once.
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

    /// Reads the OpusHead and OpusTags headers and returns a decoder positioned at the first
    /// audio packet.
    func open(_ source: any ByteSource) throws -> OpusFrames {
        var reader = OggReader(path: path, source: source)
        guard let first = try reader.next() else {
            throw CaptureError.malformed(path: path, detail: "no Ogg packets")
        }
        let head = try parseHead(first.data)
        guard let tags = try reader.next(), tags.data.starts(with: Array("OpusTags".utf8)) else {
            throw CaptureError.malformed(path: path, detail: "missing OpusTags header")
        }
        return try OpusFrames(path: path, head: head, reader: reader)
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

    static func message(_ code: Int32) -> String {
        guard let text = opus_strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

/// The audio packets of an Ogg Opus stream decoded one at a time. The output of the latest
/// page is held back until the next page begins: only at the last page is it known how much of
/// it is encoder padding (the granule position says where the recording ends).
final class OpusFrames: DecodedAudio {
    let sampleRate = 48000
    private let path: String
    private var reader: OggReader
    private let decoder: OpaquePointer
    private let channels: Int
    private let preSkip: Int
    private let downmix: Float
    private var pcm: [Float]        // [maxFrame, channels] interleaved, reused for every packet
    private var skipLeft: Int       // pre-skip samples still to drop
    private var held: [Float] = []  // output of the page being read or just read
    private var heldPageDone = false
    private var released = 0        // samples handed out so far
    private var packetIndex = 2     // 0 and 1 were the headers
    private var ended = false
    /// The longest Opus packet is 120 ms: 5760 samples per channel at 48 kHz.
    private static let maxFrame = 5760

    init(path: String, head: OggOpusDecoder.Head, reader: OggReader) throws {
        var error: Int32 = 0
        let created = opus_multistream_decoder_create(
            48000, Int32(head.channels), Int32(head.streams), Int32(head.coupled), head.mapping, &error)
        guard error == OPUS_OK, let created else {
            throw CaptureError.opusDecode(path: path, detail: OggOpusDecoder.message(error))
        }
        self.path = path
        self.reader = reader
        decoder = created
        channels = head.channels
        preSkip = head.preSkip
        skipLeft = head.preSkip
        downmix = Float(pow(10, Double(head.gainQ8) / (20 * 256))) / Float(head.channels)
        pcm = [Float](repeating: 0, count: Self.maxFrame * head.channels)
    }

    deinit { opus_multistream_decoder_destroy(decoder) }

    func nextBlock() throws -> [Float]? {
        while !ended {
            guard let packet = try reader.next() else {
                ended = true
                return try finish()
            }
            packetIndex += 1
            if heldPageDone {
                // A page followed the held one, so none of it was padding.
                let out = held
                held.removeAll(keepingCapacity: true)
                heldPageDone = false
                released += out.count
                try decode(packet)
                if !out.isEmpty { return out }
                continue
            }
            try decode(packet)
        }
        return nil
    }

    private func decode(_ packet: OggReader.Packet) throws {
        defer { if packet.isLastOnPage { heldPageDone = true } }
        guard !packet.data.isEmpty else { return }
        let frames = opus_multistream_decode_float(
            decoder, packet.data, Int32(packet.data.count), &pcm, Int32(Self.maxFrame), 0)
        guard frames >= 0 else {
            throw CaptureError.opusDecode(path: path, detail: "packet \(packetIndex): \(OggOpusDecoder.message(frames))")
        }
        for f in 0..<Int(frames) {
            var sum: Float = 0
            for c in 0..<channels { sum += pcm[f * channels + c] }
            // Pre-skip: the decoder's warm-up output, not part of the recording.
            if skipLeft > 0 {
                skipLeft -= 1
                continue
            }
            held.append(max(-1, min(1, sum * downmix)))
        }
    }

    /// The last page's output, trimmed to the stream's granule position.
    private func finish() throws -> [Float]? {
        // The last granule counts pre-skip too; anything past it is encoder padding.
        if reader.lastGranule >= 0 {
            let total = max(0, Int(reader.lastGranule) - preSkip)
            let room = max(0, total - released)
            if held.count > room { held.removeLast(held.count - room) }
        }
        released += held.count
        guard released > 0 else { throw CaptureError.noAudio(path: path) }
        defer { held = [] }
        return held.isEmpty ? nil : held
    }
}
