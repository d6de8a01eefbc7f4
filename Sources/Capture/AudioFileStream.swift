/// A container's decoder: mono float blocks at the file's own rate, nil at the end.
protocol DecodedAudio {
    var sampleRate: Int { get }
    mutating func nextBlock() throws -> [Float]?
}

/// An audio file decoded as it is read: 16 kHz mono float in [-1, 1], a block at a time,
/// through the streaming resampler. Memory stays at one block and the filter's history
/// whatever the length of the recording. Not for sharing: one reader owns it.
public final class AudioFileStream {
    public let path: String
    /// The file's own sample rate, before resampling.
    public let inputRate: Int
    private var decoder: any DecodedAudio
    /// A pass-through when the file is at 16 kHz already.
    private var resampler: Resampler
    private var buffer: [Float] = []
    private var bufferStart = 0       // index of the first sample not yet handed out
    private var decoderDone = false

    /// Opens a WAV or Ogg Opus file. Throws `CaptureError` (one line naming the file) when it
    /// is missing, empty, of another format, or its header is damaged.
    public convenience init(path: String) throws {
        try self.init(source: try FileBytes(path: path), name: path)
    }

    init(source: any ByteSource, name: String) throws {
        guard source.count > 0 else { throw CaptureError.emptyFile(path: name) }
        // The detector looks at most this far: an Ogg page header with a full segment table
        // and the codec's identification magic.
        let head = ByteReader(bytes: try source.read(at: 0, count: 27 + 255 + 16))
        switch AudioFile.detect(head) {
        case .wav:
            decoder = try WAVDecoder(path: name).open(source)
        case .oggOpus:
            decoder = try OggOpusDecoder(path: name).open(source)
        case .unsupported(let what):
            if what.hasPrefix("codec ") {
                throw CaptureError.unsupportedCodec(path: name, codec: String(what.dropFirst(6)))
            }
            throw CaptureError.unsupportedFormat(path: name, detected: what)
        }
        path = name
        inputRate = decoder.sampleRate
        resampler = Resampler(inputRate: inputRate, outputRate: AudioFile.sampleRate)
    }

    /// Up to `count` samples, fewer only at the end of the file; nil once it is all read.
    public func read(_ count: Int) throws -> [Float]? {
        precondition(count > 0, "read a positive number of samples")
        while buffer.count - bufferStart < count, !decoderDone {
            if let block = try decoder.nextBlock() {
                append(resampler.process(block))
            } else {
                decoderDone = true
                append(resampler.flush())
            }
        }
        guard bufferStart < buffer.count else { return nil }
        let end = min(buffer.count, bufferStart + count)
        let out = Array(buffer[bufferStart..<end])
        bufferStart = end
        return out
    }

    /// Everything left, for callers that want the whole recording (`transcribe`).
    public func readAll() throws -> [Float] {
        var all: [Float] = []
        while let block = try read(1 << 16) { all += block }
        return all
    }

    private func append(_ samples: [Float]) {
        // Drop what was handed out before growing, so the buffer holds about one block.
        if bufferStart > 0 {
            buffer.removeFirst(bufferStart)
            bufferStart = 0
        }
        buffer += samples
    }
}
