import Foundation

/// A microphone whose echo of the call is silenced: each 20 ms frame goes through an `EchoGate`
/// against the call audio near it in time (`EchoReference`), and muted frames become silence, so
/// voice activity never starts on the call's words and Whisper never hears them twice. Frames
/// the call does not explain pass untouched.
public struct EchoGatedSource: AudioSource {
    public let microphone: any AudioSource
    public let reference: EchoReference
    public let settings: EchoGate.Settings
    /// How far before a microphone frame the call can hold its echo (the speakers' and the
    /// captures' delays: 300 ms), and after it (the two captures' stamps disagreeing: 100 ms), in
    /// seconds of capture time.
    public var echoDelay = 0.3
    public var lead = 0.1
    /// How long after a microphone chunk was captured it may wait for the call's reader to
    /// record the call up to it (seconds). Counted from the capture, not from the wait's start,
    /// so a microphone whose reader runs late does not fall further behind by waiting.
    public var maxWait = 1.0
    private let muted = DropCounter()

    public init(microphone: any AudioSource, reference: EchoReference, settings: EchoGate.Settings = .init()) {
        self.microphone = microphone
        self.reference = reference
        self.settings = settings
    }

    public var description: String { microphone.description }
    public var droppedChunks: Int { microphone.droppedChunks }
    /// 20 ms frames silenced as echo so far.
    public var mutedFrames: Int { muted.count }

    public func chunks() -> AsyncThrowingStream<AudioChunk, Error> {
        let (stream, continuation) = AsyncThrowingStream<AudioChunk, Error>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let task = Task { [self] in
            var gate = EchoGate(settings: settings)
            do {
                for try await chunk in microphone.chunks() {
                    continuation.yield(await gated(chunk, gate: &gate))
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// The chunk with its echo frames silenced; the level shown is the microphone's own. Each
    /// frame is compared with the call captured at the same moment (`EchoReference`).
    private func gated(_ chunk: AudioChunk, gate: inout EchoGate) async -> AudioChunk {
        let frame = EchoReference.frameSamples, rate = Double(AudioFile.sampleRate)
        let start = EchoReference.time(of: chunk)
        let end = start + Double(chunk.samples.count) / rate
        await waitForReference(through: end + lead, capturedAt: chunk.capturedAt.map { _ in end })
        var out = chunk
        var offset = 0
        while offset < chunk.samples.count {
            let stop = min(offset + frame, chunk.samples.count)
            let time = start + Double(offset) / rate
            let call = reference.peak(from: time - echoDelay, to: time + EchoReference.frameSeconds + lead)
            if gate.decide(microphone: EchoGate.energy(chunk.samples[offset..<stop]), call: call) == .mute {
                for i in offset..<stop { out.samples[i] = 0 }
                muted.add()
            }
            offset = stop
        }
        return out
    }

    /// Live captures run side by side, but either reader may be behind: give the call's a moment
    /// to record up to `time`, never past `maxWait` after the chunk's capture (or after now, for
    /// a chunk without a capture time), and not at all once the call has ended.
    private func waitForReference(through time: Double, capturedAt: Double?) async {
        let deadline = (capturedAt ?? CaptureClock.now()) + maxWait
        while CaptureClock.now() < deadline, !Task.isCancelled {
            let progress = reference.progress
            if progress.ended || progress.through >= time { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}
