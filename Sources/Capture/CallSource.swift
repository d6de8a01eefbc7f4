/// The call side of a meeting (a sound server's monitor), passed through unchanged while its
/// loudness is recorded in an `EchoReference` for the microphone's `EchoGatedSource`.
public struct CallSource: AudioSource {
    public let call: any AudioSource
    public let reference: EchoReference

    public init(call: any AudioSource, reference: EchoReference) {
        self.call = call
        self.reference = reference
    }

    /// The microphone and the call, wired so the microphone's echo of the call is gated.
    public static func pair(microphone: any AudioSource, call: any AudioSource,
                            settings: EchoGate.Settings = .init()) -> (microphone: EchoGatedSource, call: CallSource) {
        let reference = EchoReference()
        return (EchoGatedSource(microphone: microphone, reference: reference, settings: settings),
                CallSource(call: call, reference: reference))
    }

    public var description: String { call.description }
    public var droppedChunks: Int { call.droppedChunks }

    public func chunks() -> AsyncThrowingStream<AudioChunk, Error> {
        let (stream, continuation) = AsyncThrowingStream<AudioChunk, Error>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let task = Task { [call, reference] in
            defer { reference.finish() }
            do {
                for try await chunk in call.chunks() {
                    reference.record(chunk)
                    continuation.yield(chunk)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
