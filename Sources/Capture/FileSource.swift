import Foundation

/// Audio from a WAV or Ogg Opus file, or raw s16le 16 kHz mono from stdin (`-`), cut into
/// chunks. The stream is pull-based: a chunk is decoded from the file when the consumer asks
/// for it, so a recording of any length costs one block of memory and nothing is dropped. With `realtime` each chunk is held back
/// until its wall-clock time, as if the file were being spoken now.
public struct FileSource: AudioSource {
    public let path: String
    public let realtime: Bool
    /// Samples per chunk (100 ms by default).
    public let chunkSamples: Int
    private let clock: any PacingClock

    public init(path: String, realtime: Bool) {
        self.init(path: path, realtime: realtime, chunkSamples: 1600, clock: SystemPacingClock())
    }

    public init(path: String, realtime: Bool, chunkSamples: Int, clock: any PacingClock) {
        precondition(chunkSamples > 0, "chunkSamples must be positive")
        self.path = path
        self.realtime = realtime
        self.chunkSamples = chunkSamples
        self.clock = clock
    }

    public var description: String { path == "-" ? "stdin (s16le 16 kHz mono)" : path }

    public func chunks() -> AsyncThrowingStream<AudioChunk, Error> {
        let cursor = ChunkCursor(path: path, chunkSamples: chunkSamples, clock: realtime ? clock : nil)
        return AsyncThrowingStream(unfolding: { try await cursor.next() })
    }
}

/// The state behind one `FileSource` stream: where we are, and when playback started.
private actor ChunkCursor {
    private let path: String
    private let chunkSamples: Int
    private let clock: (any PacingClock)?
    private var file: AudioFileStream?
    private var position = 0
    private var startedAt: Double?
    private var finished = false
    /// Blocking stdin reads run here, off the cooperative thread pool.
    private static let stdinQueue = DispatchQueue(label: "mockpilot.capture.stdin")

    init(path: String, chunkSamples: Int, clock: (any PacingClock)?) {
        self.path = path
        self.chunkSamples = chunkSamples
        self.clock = clock
    }

    func next() async throws -> AudioChunk? {
        guard !finished else { return nil }
        let block = path == "-" ? await readStdin() : try readFile()
        guard let block, !block.isEmpty else {
            finished = true
            return nil
        }
        let chunk = AudioChunk(samples: block, startSample: position)
        position += block.count
        try await pace(chunk)
        return chunk
    }

    private func readFile() throws -> [Float]? {
        let file = try self.file ?? AudioFileStream(path: path)
        self.file = file
        return try file.read(chunkSamples)
    }

    private func readStdin() async -> [Float]? {
        let bytes = chunkSamples * 2
        let data: Data = await withCheckedContinuation { done in
            Self.stdinQueue.async {
                // read(upToCount:) returns early on a pipe; keep reading to fill the chunk.
                var buffer = Data()
                while buffer.count < bytes {
                    guard let more = try? FileHandle.standardInput.read(upToCount: bytes - buffer.count),
                          !more.isEmpty else { break }
                    buffer.append(more)
                }
                done.resume(returning: buffer)
            }
        }
        return RawPCM.decodeS16LE(data)
    }

    /// Holds a chunk until the moment its last sample would have been heard. The schedule is
    /// absolute (start + position), so sleeping late never accumulates drift.
    private func pace(_ chunk: AudioChunk) async throws {
        guard let clock else { return }
        let start = startedAt ?? clock.now()
        startedAt = start
        let due = start + Double(chunk.startSample + chunk.samples.count) / Double(AudioFile.sampleRate)
        let wait = due - clock.now()
        if wait > 0 { try await clock.sleep(seconds: wait) }
    }
}
