import Capture
import Synchronization

/// What a `/stream` client sends, as an `AudioSource`: little-endian PCM16 mono 16 kHz bytes (or the
/// samples of its Opus packets) in, 100 ms float chunks out (the size `FileSource` reads), numbered
/// on the stream's own time line.
/// Its one stream is read by one transcriber. Unbounded on purpose: nothing a client sent may be
/// dropped, and the reader only finds speech in it (recognition waits in the transcriber's own
/// queue), so it keeps up with any client; each frame is capped before it gets here.
final class StreamedAudio: AudioSource {
    let description: String
    private let stream: AsyncThrowingStream<AudioChunk, Error>
    private let input: AsyncThrowingStream<AudioChunk, Error>.Continuation
    /// Samples not yet a whole chunk, a byte left over from an odd-length frame, and the samples sent so far.
    private let pending = Mutex<(samples: [Float], oddByte: UInt8?, sent: Int)>(([], nil, 0))
    static let chunkSamples = 1600
    /// When each stretch of audio arrived: (seconds received by then, when), for the end-of-speech
    /// to final latency. Entries before the latest final asked about are dropped.
    private let arrivals = Mutex<[(seconds: Double, at: ContinuousClock.Instant)]>([])
    /// Arrivals kept at most (a long silence asks about none): about 30 minutes of 20 ms frames.
    static let arrivalsKept = 90_000

    init(description: String) {
        self.description = description
        (stream, input) = AsyncThrowingStream.makeStream(of: AudioChunk.self, bufferingPolicy: .unbounded)
    }

    func chunks() -> AsyncThrowingStream<AudioChunk, Error> { stream }

    /// Appends PCM16 bytes; a sample split across two frames is joined.
    func append<Bytes: Collection<UInt8>>(pcm16 bytes: Bytes) {
        enqueue { state in
            var iterator = bytes.makeIterator()
            while true {
                let low: UInt8
                if let odd = state.oddByte {
                    low = odd
                    state.oddByte = nil
                } else if let next = iterator.next() {
                    low = next
                } else {
                    break
                }
                guard let high = iterator.next() else {
                    state.oddByte = low
                    break
                }
                let sample = Int16(bitPattern: UInt16(low) | UInt16(high) << 8)
                state.samples.append(Float(sample) / 32768)
            }
        }
    }

    /// Appends samples already decoded (an Opus packet's), in -1...1.
    func append(samples: [Float]) {
        enqueue { $0.samples += samples }
    }

    /// Adds to the pending samples, sends the whole chunks they make, and notes when they came.
    private func enqueue(_ add: (inout (samples: [Float], oddByte: UInt8?, sent: Int)) -> Void) {
        let ready: [AudioChunk] = pending.withLock { state in
            add(&state)
            var chunks: [AudioChunk] = []
            while state.samples.count >= Self.chunkSamples {
                chunks.append(AudioChunk(samples: Array(state.samples.prefix(Self.chunkSamples)), startSample: state.sent))
                state.samples.removeFirst(Self.chunkSamples)
                state.sent += Self.chunkSamples
            }
            return chunks
        }
        let received = seconds, now = ContinuousClock.now
        arrivals.withLock { arrivals in
            if arrivals.count >= Self.arrivalsKept { arrivals.removeFirst(arrivals.count / 2) }
            arrivals.append((received, now))
        }
        for chunk in ready { input.yield(chunk) }
    }

    /// When the audio up to `second` (on the stream's time line) had arrived; nil when it has not.
    /// Finals come in order, so what is before `second` is forgotten.
    func arrival(of second: Double) -> ContinuousClock.Instant? {
        arrivals.withLock { arrivals in
            guard let index = arrivals.firstIndex(where: { $0.seconds >= second }) else { return nil }
            arrivals.removeFirst(index)
            return arrivals.first?.at
        }
    }

    /// The client has sent everything: the last partial chunk goes out, and the stream ends.
    func finish() {
        let last: AudioChunk? = pending.withLock { state in
            defer { state.samples.removeAll() }
            return state.samples.isEmpty ? nil : AudioChunk(samples: state.samples, startSample: state.sent)
        }
        if let last { input.yield(last) }
        input.finish()
    }

    /// Seconds of audio received so far.
    var seconds: Double {
        pending.withLock { Double($0.sent + $0.samples.count) / Double(AudioFile.sampleRate) }
    }
}
