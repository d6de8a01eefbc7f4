import COpus

/// Decodes raw Opus packets (RFC 6716), one at a time, to 16 kHz mono float: what a `/stream`
/// client sends when it says `{"format":"opus"}`, each WebSocket frame one packet as an encoder
/// or a browser's WebCodecs `AudioEncoder` gives it. libopus resamples to the rate asked for and
/// mixes stereo packets down, so a client may encode at any rate and with one or two channels.
/// Unlike `OggOpusDecoder` there is no container: no pre-skip to drop and no granule to trim, so
/// the first few milliseconds are the decoder's warm-up, which only shifts the time line by them.
/// One value per stream, used from one task.
public final class OpusPacketDecoder {
    public static let sampleRate: Int32 = 16_000
    /// The longest packet lasts 120 ms: 1920 samples at 16 kHz.
    static let maxFrame: Int32 = 1_920
    private let decoder: OpaquePointer
    private var pcm = [Float](repeating: 0, count: Int(maxFrame))
    /// Packets decoded so far, to name a bad one.
    private var decoded = 0

    public init() throws(OpusPacketError) {
        var error: Int32 = 0
        guard let created = opus_decoder_create(Self.sampleRate, 1, &error), error == OPUS_OK else {
            throw OpusPacketError(packet: 0, reason: OggOpusDecoder.message(error))
        }
        decoder = created
    }

    deinit { opus_decoder_destroy(decoder) }

    /// The samples of one packet, in -1...1. An empty or corrupt packet throws, naming it.
    public func decode<Bytes: Collection<UInt8>>(_ packet: Bytes) throws(OpusPacketError) -> [Float] {
        decoded += 1
        let bytes = Array(packet)
        guard !bytes.isEmpty else { throw OpusPacketError(packet: decoded, reason: "the packet is empty") }
        // A frame is capped by the server long before this; Int32 holds any array the checks let through.
        guard let count = Int32(exactly: bytes.count) else { throw OpusPacketError(packet: decoded, reason: "the packet is too large") }
        let frames = opus_decode_float(decoder, bytes, count, &pcm, Self.maxFrame, 0)
        guard frames >= 0 else { throw OpusPacketError(packet: decoded, reason: OggOpusDecoder.message(frames)) }
        return pcm[0..<Int(frames)].map { $0.isFinite ? max(-1, min(1, $0)) : 0 }
    }
}

/// A packet `OpusPacketDecoder` could not decode: its number in the stream (from 1) and why.
public struct OpusPacketError: Error, Sendable, Equatable, CustomStringConvertible {
    public var packet: Int
    public var reason: String

    public var description: String { "Opus packet \(packet) could not be decoded: \(reason)" }
}
