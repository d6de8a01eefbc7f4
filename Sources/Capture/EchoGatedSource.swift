import Foundation

/// A microphone whose echo of the call is silenced: each 20 ms frame goes through an `EchoGate`
/// against the call audio near it in time (`EchoReference`), and muted frames become silence, so
/// voice activity never starts on the call's words and Whisper never hears them twice. Frames
/// the call does not explain pass untouched.
public struct EchoGatedSource: AudioSource {
    public let microphone: any AudioSource
    public let reference: EchoReference
    public let settings: EchoGate.Settings
    /// Call frames before a microphone frame that can hold its echo (the speakers' and the
    /// capture's delay: 300 ms), and after it (the call's capture running late: 100 ms).
    public var echoDelayFrames = 15
    public var leadFrames = 5
    /// How long a microphone chunk waits for the call's capture to reach it (seconds).
    public var maxWait = 0.25
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

    /// The chunk with its echo frames silenced; the level shown is the microphone's own.
    private func gated(_ chunk: AudioChunk, gate: inout EchoGate) async -> AudioChunk {
        let frame = EchoReference.frameSamples
        let first = chunk.startSample / frame
        let last = (chunk.startSample + chunk.samples.count + frame - 1) / frame
        await waitForReference(through: last + leadFrames)
        var out = chunk
        var offset = 0
        while offset < chunk.samples.count {
            let end = min(offset + frame, chunk.samples.count)
            let index = first + offset / frame
            let call = reference.peak(index - echoDelayFrames..<index + leadFrames + 1)
            if gate.decide(microphone: EchoGate.energy(chunk.samples[offset..<end]), call: call) == .mute {
                for i in offset..<end { out.samples[i] = 0 }
                muted.add()
            }
            offset = end
        }
        return out
    }

    /// Live captures run side by side, but either may deliver a chunk first: give the call's a
    /// moment to catch up, never longer than `maxWait`, and not at all once it has ended.
    private func waitForReference(through frame: Int) async {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int(maxWait * 1000)))
        while clock.now < deadline, !Task.isCancelled {
            let progress = reference.progress
            if progress.ended || progress.frames >= frame { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}
