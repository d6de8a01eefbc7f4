/// What voice activity detection decided about the audio just fed in. Positions are sample
/// indices since the stream began (16 kHz by default), so no clock is involved.
public enum VADEvent: Sendable, Equatable {
    /// Speech began at this sample (the start of its first speech frame).
    case speechStarted(atSample: Int)
    /// An utterance ended: speech from `startSample` up to (not including) `endSample`, the end
    /// of its last speech frame. Reported once the silence after it has lasted `hangover`.
    case speechEnded(startSample: Int, endSample: Int)
}

/// Segments a stream into utterances. Feed any number of samples; it cuts them into frames
/// (30 ms for `SpeechDetector`, 32 ms for Silero VAD), asks the detector for a speech
/// probability, and applies hysteresis:
/// - speech starts after `minSpeech` of consecutive frames at or above `threshold` whose energy
///   rises or falls by a syllable's worth (4 dB); a sound that stays steady for 0.6 s instead is
///   noise that just began, and becomes the new noise floor (a click does not open an utterance,
///   nor does a fan switching on). `speechStarted` can thus come up to 0.6 s after the sample it
///   names. With Silero, which was trained to reject such noise, `minSpeech` alone decides;
/// - speech ends only after `hangover` (1.5 s) below threshold, so pauses between words and
///   short breaths stay inside one utterance;
/// - an utterance longer than `maxUtterance` is cut there and a new one starts at once, so a
///   monologue still reaches Whisper in windows it can take (30 s).
///
/// Memory is constant: one partial frame, counters, and the detector's fixed buffers.
public struct VADStateMachine: Sendable {
    public let threshold: Float
    public let sampleRate: Int
    public let frameLength: Int
    private let minSpeechFrames: Int
    private let hangoverFrames: Int
    private let maxUtteranceFrames: Int
    private let confirmFrames: Int
    private var detector: SpeechDetector
    /// Set when Silero gives the probabilities; `detector` is then never asked.
    private var silero: SileroVAD?
    private var partial: [Float]           // < frameLength samples awaiting a full frame
    private var framesDone = 0             // frames analysed since the start
    private var state = State.silence
    private var smoothedDB: Float = 0
    /// Speech must vary by this much (dB) within its first `confirmSeconds` to be speech.
    static let syllableRangeDB: Float = 4
    /// How long a loud but steady sound may stay undecided before it is taken as noise.
    static let confirmSeconds = 0.6

    /// Probability of the most recent frame, for a meter or a debug view.
    public private(set) var lastProbability: Float = 0

    private enum State: Equatable {
        case silence
        /// Frames above threshold so far, where the run began, and the range of band energy
        /// (dB) seen in it: speech rises and falls with syllables, steady noise does not.
        case maybeSpeech(startFrame: Int, run: Int, low: Float, high: Float)
        /// In an utterance; `lastSpeechFrame` is the latest frame above threshold.
        case speech(startFrame: Int, lastSpeechFrame: Int)
    }

    public init(
        threshold: Float = 0.6, sampleRate: Int = 16000, minSpeech: Double = 0.09, hangover: Double = 1.5,
        maxUtterance: Double = 30, detector voiceDetector: VoiceDetector = .energy
    ) {
        precondition(threshold > 0 && threshold < 1, "threshold must be in (0, 1)")
        self.threshold = threshold
        self.sampleRate = sampleRate
        detector = SpeechDetector(sampleRate: sampleRate)
        switch voiceDetector {
        case .energy:
            frameLength = detector.frameLength
        case .silero(let weights):
            precondition(sampleRate == SileroVAD.sampleRate, "Silero VAD runs at 16 kHz")
            silero = SileroVAD(weights: weights)
            frameLength = SileroVAD.chunkLength
        }
        let frameSeconds = Double(frameLength) / Double(sampleRate)
        minSpeechFrames = max(1, Int((minSpeech / frameSeconds).rounded()))
        hangoverFrames = max(1, Int((hangover / frameSeconds).rounded()))
        maxUtteranceFrames = max(minSpeechFrames + 1, Int(maxUtterance / frameSeconds))
        confirmFrames = max(minSpeechFrames, Int((Self.confirmSeconds / frameSeconds).rounded()))
        partial = []
        partial.reserveCapacity(frameLength)
    }

    /// Samples held between calls (always less than one frame); the memory test watches it.
    public var bufferedSampleCount: Int { partial.count }

    /// True between `speechStarted` and `speechEnded`.
    public var inSpeech: Bool {
        if case .speech = state { return true }
        return false
    }

    /// Inside an utterance whose speech has stopped for now: the sample where the utterance
    /// would end if the pause lasts, and how long the pause has lasted in seconds. Nil while
    /// someone is speaking and outside utterances. Lets a caller start work on an utterance
    /// before `hangover` confirms that it ended.
    public var pause: (endSample: Int, seconds: Double)? {
        guard case .speech(_, let last) = state else { return nil }
        let silentFrames = framesDone - 1 - last
        guard silentFrames > 0 else { return nil }
        return ((last + 1) * frameLength, Double(silentFrames * frameLength) / Double(sampleRate))
    }

    public mutating func process(_ samples: [Float]) -> [VADEvent] {
        var events: [VADEvent] = []
        var index = 0
        // Complete a frame left over from the previous call first.
        if !partial.isEmpty {
            let need = min(frameLength - partial.count, samples.count)
            partial.append(contentsOf: samples[0..<need])
            index = need
            if partial.count == frameLength {
                let p = partial.withUnsafeBufferPointer { probability($0) }
                step(p, into: &events)
                partial.removeAll(keepingCapacity: true)
            }
        }
        samples.withUnsafeBufferPointer { all in
            while index + frameLength <= all.count {
                let frame = UnsafeBufferPointer(rebasing: all[index..<index + frameLength])
                let p = probability(frame)
                step(p, into: &events)
                index += frameLength
            }
        }
        if index < samples.count { partial.append(contentsOf: samples[index...]) }
        return events
    }

    /// Ends the stream: closes an open utterance at its last speech frame.
    public mutating func finish() -> [VADEvent] {
        defer { state = .silence }
        if case .speech(let start, let last) = state {
            return [.speechEnded(startSample: start * frameLength, endSample: (last + 1) * frameLength)]
        }
        return []
    }

    private mutating func probability(_ frame: UnsafeBufferPointer<Float>) -> Float {
        if silero != nil { return silero?.probability(of: frame) ?? 0 }
        return detector.probability(frame)
    }

    private mutating func step(_ probability: Float, into events: inout [VADEvent]) {
        let frame = framesDone
        framesDone += 1
        lastProbability = probability
        let isSpeech = probability >= threshold
        // Smoothed over ~90 ms: syllables (4-5 a second) still rise and fall by 10 dB or more,
        // while the frame-to-frame jitter of rumbling noise is averaged away.
        smoothedDB = framesDone == 1 ? detector.lastBandDB : 0.5 * smoothedDB + 0.5 * detector.lastBandDB
        switch state {
        case .silence:
            // The first frame is left out of the range: a noise that starts mid-frame makes it
            // quieter than the rest, which would pass for a syllable's rise.
            if isSpeech { state = .maybeSpeech(startFrame: frame, run: 1, low: .infinity, high: -.infinity) }
        case .maybeSpeech(let start, let run, let low, let high):
            // Restart the smoothing on the run's second frame, so the silence before it (and a
            // first frame only partly filled by a noise that just began) does not count as a rise.
            if run == 1 { smoothedDB = detector.lastBandDB }
            let db = smoothedDB
            let low = min(low, db), high = max(high, db)
            let varies = silero != nil || high - low >= Self.syllableRangeDB
            if !isSpeech {
                // The dip that ends a short word is itself the evidence that it was a word.
                if run >= minSpeechFrames, varies {
                    open(at: start, into: &events)
                    state = .speech(startFrame: start, lastSpeechFrame: frame - 1)
                } else {
                    state = .silence
                }
            } else if run + 1 >= minSpeechFrames, varies {
                open(at: start, into: &events)
                state = .speech(startFrame: start, lastSpeechFrame: frame)
            } else if run + 1 >= confirmFrames {
                // Loud and steady for 0.6 s: a fan or hum came on. Learn it as the floor.
                detector.adoptFloor(low)
                state = .silence
            } else {
                state = .maybeSpeech(startFrame: start, run: run + 1, low: low, high: high)
            }
        case .speech(let start, let last):
            let lastSpeech = isSpeech ? frame : last
            if frame - lastSpeech >= hangoverFrames {
                events.append(.speechEnded(startSample: start * frameLength, endSample: (lastSpeech + 1) * frameLength))
                state = .silence
            } else if frame + 1 - start >= maxUtteranceFrames {
                if isSpeech {
                    // Mid-word at the limit: cut here and carry straight on in a new utterance.
                    events.append(.speechEnded(startSample: start * frameLength, endSample: (frame + 1) * frameLength))
                    events.append(.speechStarted(atSample: (frame + 1) * frameLength))
                    state = .speech(startFrame: frame + 1, lastSpeechFrame: frame)
                } else {
                    // In a pause at the limit: end at the last word; what follows starts afresh.
                    events.append(.speechEnded(startSample: start * frameLength, endSample: (lastSpeech + 1) * frameLength))
                    state = .silence
                }
            } else {
                state = .speech(startFrame: start, lastSpeechFrame: lastSpeech)
            }
        }
    }

    private mutating func open(at frame: Int, into events: inout [VADEvent]) {
        events.append(.speechStarted(atSample: frame * frameLength))
        state = .speech(startFrame: frame, lastSpeechFrame: frame)
    }
}
