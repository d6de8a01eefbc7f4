import Foundation

/// The stream a blocking capture loop (ALSA's, PulseAudio's) feeds from a thread of its own,
/// since its reads block. Audio is bounded: the stream keeps the newest `bufferedChunks` chunks
/// and the loop counts what it drops; the consumer going away sets the loop's stop flag.
enum CaptureThread {
    typealias Continuation = AsyncThrowingStream<AudioChunk, Error>.Continuation

    /// Starts `loop` on a thread called `name` and returns the stream it yields into.
    static func start(named name: String, bufferedChunks: Int,
                      loop: @escaping @Sendable (StopFlag, Continuation) -> Void) -> AsyncThrowingStream<AudioChunk, Error> {
        let (stream, continuation) = AsyncThrowingStream<AudioChunk, Error>.makeStream(
            bufferingPolicy: .bufferingNewest(bufferedChunks))
        let stop = StopFlag()
        continuation.onTermination = { _ in stop.set() }
        let thread = Thread { loop(stop, continuation) }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
        return stream
    }
}
