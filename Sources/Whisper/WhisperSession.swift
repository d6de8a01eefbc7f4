import Foundation
import Tensor

/// One stream's transcriber: the model plus the per-stream state (input window, key/
/// value caches, scratch activations) allocated once and reused across calls. Not for
/// sharing between tasks; give each stream its own session.
public struct WhisperSession {
    public let model: WhisperModel
    public var options: TranscriptionOptions
    let state: InferenceState
    let logMel: LogMel
    let selector: TokenSelector
    var rng: SplitMix64
    /// Prompt and sampled tokens of the window being decoded, capacity n_text_ctx.
    var sequence: [Int]
    /// The tokens `options.bias` raised at this step, to take the bonus back (capacity kept).
    var biasRaised: [Int] = []
    /// Looked at between windows and tokens, with `Task.isCancelled`, for callers that run the
    /// session on a thread of their own.
    public var cancellation: CancellationFlag?
    /// With `options.language` "auto" on a multilingual model: the language the last
    /// `transcribe` call heard in its first window (nil until then, and when nothing was heard).
    public internal(set) var detectedLanguage: DetectedLanguage?

    static let temperatures: [Double] = [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    /// Candidates drawn at each fallback temperature.
    static let bestOf = 5
    static let compressionRatioThreshold = 2.4
    static let logProbThreshold = -1.0
    /// Above this temperature, a window's text is not used as the next one's context.
    static let promptResetTemperature = 0.5
    static let secondsPerFrame = Double(LogMel.hop) / Double(LogMel.sampleRate)

    public init(model: WhisperModel, options: TranscriptionOptions) {
        self.model = model
        self.options = options
        state = InferenceState(dims: model.dims)
        logMel = LogMel(nMels: model.dims.nMels)
        selector = TokenSelector(model: model)
        rng = SplitMix64(state: options.seed)
        sequence = []
        sequence.reserveCapacity(model.dims.nTextCtx)
        biasRaised.reserveCapacity(1024)
        BLAS.setThreads(options.threads)
    }

    /// Transcribes 16 kHz mono samples in 30 s windows, moving on from the last
    /// timestamp of each window as Whisper does. Times are seconds plus `offset`.
    public mutating func transcribe(_ samples: [Float], offset: Double = 0) throws -> [TranscriptSegment] {
        let features = logMel.compute(samples)
        var frames = WholeMelFrames(values: features.values, count: features.frames, nMels: model.dims.nMels)
        return try transcribe(&frames, offset: offset)
    }

    /// The same as `transcribe(_:)` on a recording read block by block by `read` (nil at its
    /// end), which must give the samples `survey` was made from: a first pass through
    /// `LogMelStream`. Memory stays at one window and one block however long the recording.
    public mutating func transcribe(survey: LogMelStream.Survey, offset: Double = 0,
                                    read: @escaping () throws -> [Float]?) throws -> [TranscriptSegment] {
        var frames = StreamedMelFrames(survey: survey, nMels: model.dims.nMels, read: read)
        return try transcribe(&frames, offset: offset)
    }

    mutating func transcribe(_ features: inout some MelFrames, offset: Double) throws -> [TranscriptSegment] {
        var allTokens: [Int] = []
        if let prompt = options.prompt?.trimmingCharacters(in: .whitespacesAndNewlines), !prompt.isEmpty {
            guard let ids = model.tokenizer.encode(" " + prompt) else {
                throw WhisperError.promptUnsupported(path: model.directory)
            }
            allTokens = ids
        }
        // Checked before any audio is looked at: a wrong language is the caller's mistake.
        var startTokens = try fixedStartSequence()
        let detecting = options.detectsLanguage && model.tokenizer.isMultilingual
        detectedLanguage = nil
        state.audioFrames = audioFrames
        let nMels = model.dims.nMels, windowFrames = 2 * state.audioFrames
        var segments: [TranscriptSegment] = []
        var promptResetSince = 0
        var seek = 0
        while seek < features.count {
            try checkCancellation()
            let timeOffset = Double(seek) * Self.secondsPerFrame
            let segmentSize = min(windowFrames, features.count - seek)
            // The window: this stretch of frames, zero-padded to 30 s (or the window asked for)
            // like faster-whisper's pad_or_trim.
            let mel = state.mel.pointer
            try features.copy(seek..<(seek + segmentSize), into: mel)
            (mel + segmentSize * nMels).update(repeating: 0, count: (windowFrames - segmentSize) * nMels)
            Encoder.encode(model: model, state: state)
            if detecting && detectedLanguage == nil {
                let heard = detectLanguage()
                detectedLanguage = heard
                startTokens = try model.tokenizer.startSequence(language: heard.code, model: model.name)
            }

            // Earlier text (and the caller's prompt) as context, at most 223 tokens.
            let context = Array(allTokens[promptResetSince...].suffix(model.dims.nTextCtx / 2 - 1))
            var prompt = context.isEmpty ? [] : [model.tokenizer.startOfPrevious] + context
            prompt += startTokens
            let result = try decodeWithFallback(prompt: prompt, budget: Self.tokenBudget(frames: segmentSize))

            if result.noSpeechProb > options.noSpeechThreshold, result.avgLogProb <= Self.logProbThreshold {
                seek += segmentSize   // silence: skip the whole window
                continue
            }
            let split = splitByTimestamps(result.tokens, seek: seek, segmentSize: segmentSize)
            for piece in split.pieces {
                let text = model.tokenizer.decode(piece.tokens)
                if piece.start == piece.end || text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                allTokens += piece.tokens
                segments.append(TranscriptSegment(
                    text: text, start: offset + timeOffset + piece.start, end: offset + timeOffset + piece.end,
                    tokens: piece.tokens, avgLogProb: result.avgLogProb, noSpeechProb: result.noSpeechProb))
            }
            // A window whose last timestamp is <|0.00|> would never move on; skip it instead.
            seek = split.nextSeek > seek ? split.nextSeek : seek + segmentSize
            if !options.conditionOnPreviousText || result.temperature > Self.promptResetTemperature {
                promptResetSince = allTokens.count
            }
        }
        return segments
    }

    /// Throws `CancellationError` once the task is cancelled or `cancellation` is set.
    func checkCancellation() throws {
        if Task.isCancelled || cancellation?.isCancelled == true { throw CancellationError() }
    }

    /// Encoder positions per window (two mel frames each, 20 ms), from `options.window`.
    var audioFrames: Int {
        let full = model.dims.nAudioCtx
        guard let seconds = options.window, seconds.isFinite, seconds > 0 else { return full }
        return min(full, max(1, Int((seconds / (2 * Self.secondsPerFrame)).rounded(.up))))
    }

    /// Cuts a window's tokens at timestamp pairs into (start, end, tokens) pieces, in
    /// seconds from the window start, and says where the next window begins: after the
    /// window if it ended on a lone timestamp (nothing more was said), else at the last
    /// complete timestamp.
    func splitByTimestamps(_ tokens: [Int], seek: Int, segmentSize: Int)
        -> (pieces: [(start: Double, end: Double, tokens: [Int])], nextSeek: Int) {
        let tsBegin = model.tokenizer.timestampBegin
        let precision = 0.02, framesPerTimestamp = 2
        let singleTimestampEnding = tokens.count >= 2 && tokens[tokens.count - 2] < tsBegin && tokens[tokens.count - 1] >= tsBegin
        var consecutive: [Int] = []
        for i in tokens.indices where i > 0 && tokens[i] >= tsBegin && tokens[i - 1] >= tsBegin { consecutive.append(i) }
        var pieces: [(Double, Double, [Int])] = []
        if !consecutive.isEmpty {
            var slices = consecutive
            if singleTimestampEnding { slices.append(tokens.count) }
            var lastSlice = 0
            for current in slices {
                let sliced = Array(tokens[lastSlice..<current])
                let start = Double(sliced[0] - tsBegin) * precision
                let end = Double(sliced[sliced.count - 1] - tsBegin) * precision
                pieces.append((start, end, sliced))
                lastSlice = current
            }
            if singleTimestampEnding { return (pieces, seek + segmentSize) }
            return (pieces, seek + (tokens[lastSlice - 1] - tsBegin) * framesPerTimestamp)
        }
        var duration = Double(segmentSize) * Self.secondsPerFrame
        if let last = tokens.last(where: { $0 >= tsBegin }), last != tsBegin {
            duration = Double(last - tsBegin) * precision
        }
        pieces.append((0, duration, tokens))
        return (pieces, seek + segmentSize)
    }
}
