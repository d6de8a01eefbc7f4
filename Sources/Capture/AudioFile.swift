import Foundation

/// Decoding to what Whisper wants: 16 kHz mono float in [-1, 1].
/// The container is recognised by its magic bytes, never by the file name.
public enum AudioFile {
    /// The rate every later stage works at.
    public static let sampleRate = 16000

    /// What the first bytes of a file say it is.
    enum Kind: Equatable {
        case wav, oggOpus, unsupported(String)
    }

    /// Decodes a whole WAV or Ogg Opus file; `"-"` reads raw s16le 16 kHz mono from stdin.
    /// Throws `CaptureError` whose description is one line naming the file. A file cut short
    /// (recorder killed mid-meeting) decodes the whole frames or Ogg pages that are there; a
    /// header cut short, an empty file, or one without a single sample is an error. For a long
    /// recording read it a block at a time with `AudioFileStream` instead.
    public static func decode(path: String) throws -> [Float] {
        if path == "-" {
            return RawPCM.decodeS16LE(FileHandle.standardInput.readDataToEndOfFile())
        }
        return try AudioFileStream(path: path).readAll()
    }

    /// Decodes bytes already in memory; `name` is only used in error messages.
    public static func decode(bytes: [UInt8], name: String) throws -> [Float] {
        try AudioFileStream(source: MemoryBytes(bytes: bytes), name: name).readAll()
    }

    static func detect(_ r: ByteReader) -> Kind {
        if (r.starts(with: "RIFF") || r.starts(with: "RF64")) && r.starts(with: "WAVE", at: 8) { return .wav }
        if r.starts(with: "OggS") {
            // The first page of an Ogg stream carries the codec's identification header.
            if r.has(27, at: 0) {
                let headerStart = 27 + Int(r.u8(26))
                if r.starts(with: "OpusHead", at: headerStart) { return .oggOpus }
                if r.starts(with: "vorbis", at: headerStart + 1) { return .unsupported("codec Vorbis (in Ogg)") }
                if r.starts(with: "FLAC", at: headerStart + 1) { return .unsupported("codec FLAC (in Ogg)") }
                if r.starts(with: "Speex", at: headerStart) { return .unsupported("codec Speex (in Ogg)") }
            }
            return .unsupported("codec unknown (in Ogg)")
        }
        if r.starts(with: "ID3") { return .unsupported("MP3") }
        if r.has(2, at: 0), r.u8(0) == 0xFF, r.u8(1) & 0xE0 == 0xE0 {
            return .unsupported(r.u8(1) & 0x06 == 0 ? "AAC (ADTS)" : "MP3")
        }
        if r.starts(with: "fLaC") { return .unsupported("FLAC") }
        if r.starts(with: "ftyp", at: 4) { return .unsupported("MP4/M4A") }
        if r.starts(with: "\u{1A}\u{45}\u{DF}\u{A3}") { return .unsupported("WebM/Matroska") }
        if r.starts(with: "FORM") { return .unsupported("AIFF") }
        if r.starts(with: "RIFF") { return .unsupported("a RIFF file that is not WAVE") }
        return .unsupported("this file type (unrecognised header)")
    }
}
