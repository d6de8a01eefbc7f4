import Capture
import Core
import Speaker
import Synchronization
import Whisper

/// What the speech stage tells the pipeline.
public enum SpeechEvent: Sendable {
    case utterance(Utterance)
    /// Input level 0...1 of the latest audio chunk.
    case level(Float)
    /// Segments waiting for the recogniser (live use only), as `BacklogMonitor` decides to
    /// report them: `slow` while more than `slowThreshold` wait, then once when it has caught up.
    case backlog(BacklogMonitor.Report)
    /// Audio chunks the capture had to drop (should stay 0).
    case dropped(Int)
    /// Something the user should know that changes nothing lost (the design prompt turned off).
    case notice(String)
    /// Speech that could not be recognised: its text is lost.
    case warning(String)
}

/// Live speech to text: audio -> voice activity -> Whisper, with partial transcripts during
/// speech (stable prefix, so they do not flicker) and a final one at each end of utterance.
/// Capture and recognition run as two child tasks joined by a queue, so a slow recogniser
/// delays text but never loses audio.
public struct LiveTranscriber: Sendable {
    /// Whisper (one session for live runs and one for files, as they have their own time
    /// limits), or a recogniser handed in.
    enum Backend: Sendable {
        case whisper(WhisperModel, TranscriptionOptions)
        case custom(any Recogniser)
    }

    let backend: Backend
    /// Whisper sessions made by the first run of each kind and kept for the next: a session's
    /// buffers are tens of megabytes, and made again for each file they fragment the heap.
    private let sessions = RecogniserCache()
    public var vadThreshold: Float
    public var prompt: DesignPrompt?
    /// Queue depth above which the pipeline is told recognition is slow.
    public var slowThreshold = 4
    /// Silence that ends a recognition segment, in seconds.
    public var segmentPause = 0.5
    /// The model that tells speech from silence and noise.
    public var voiceDetector = VoiceDetector.energy
    /// A pause this long starts decoding the utterance as if it had ended (seconds).
    public var speculateAfter = 0.15
    /// Audio a partial's encoder window holds beyond the samples it decodes (seconds).
    public var partialWindowMargin = 2.0
    /// Audio a final's encoder window holds beyond the utterance (seconds), up to Whisper's 30 s.
    /// A short utterance alone in a 30 s window of zeros, with a prompt before it, is where tiny.en
    /// most often stops after a few words or repeats itself; eight seconds of padding behaves like
    /// the long windows it was trained on, at well under half the encoder's work. On the spoken dev
    /// set every margin from 6 to 16 s gave the same word error rate within a point, 2 s did not.
    /// nil: always the full 30 s.
    public var finalWindowMargin: Double? = 8
    /// Partial transcripts while someone speaks, in live use; off for a file transcribed to
    /// text. A recording read at full speed never has them: its finals come as fast as they
    /// can be decoded, and a partial would only delay them.
    public var partials = true
    /// Seconds a final may spend on Whisper's temperature fallback before it keeps the best
    /// text so far: hard audio (crosstalk, mumbling) must not hold up the meeting.
    public var fallbackTimeLimit = 1.0

    public init(model: WhisperModel, options: TranscriptionOptions, vadThreshold: Float = 0.6, prompt: DesignPrompt?) {
        backend = .whisper(model, options)
        self.vadThreshold = vadThreshold
        self.prompt = prompt
    }

    /// With another recogniser: its prompt is `prompt`'s text, or none.
    public init(recogniser: any Recogniser, vadThreshold: Float = 0.6, prompt: DesignPrompt?) {
        backend = .custom(recogniser)
        self.vadThreshold = vadThreshold
        self.prompt = prompt
    }

    /// Why `model` cannot take a prompt (no tokenizer.json to encode one with), or nil if it can.
    public static func promptUnavailable(model: WhisperModel) -> String? {
        model.tokenizer.canEncode ? nil
            : "\(model.directory) has no tokenizer.json to encode a prompt with (re-run `make models` for the full folder)"
    }

    /// The settings above are read when the first run of a kind (live or file) makes its session.
    func recogniser(live: Bool) -> any Recogniser {
        switch backend {
        case .whisper(let model, let options):
            return sessions.recogniser(live: live) {
                var options = options
                // The design prompt's words are favoured token by token too, when the prompt is on.
                if options.bias == nil, let prompt { options.bias = prompt.bias(tokenizer: model.tokenizer) }
                return WhisperRecogniser(model: model, options: options, partialWindowMargin: partialWindowMargin,
                                         finalWindowMargin: finalWindowMargin, fallbackTimeLimit: live ? fallbackTimeLimit : nil)
            }
        case .custom(let recogniser):
            return recogniser
        }
    }

    /// The prompt given with the model's options, when no design prompt replaces it.
    var fixedPrompt: String? {
        if case .whisper(_, let options) = backend { return options.prompt }
        return nil
    }

    /// The reason prompts cannot be used with this backend, or nil.
    var promptProblem: String? {
        if case .whisper(let model, _) = backend { return Self.promptUnavailable(model: model) }
        return nil
    }

    /// `live` sources (a microphone, a paced file) cannot wait, so falling behind is reported;
    /// a recorded file is read only as fast as it is recognised. With `speakers`, every final
    /// carries its speaker ("Speaker 1", ...): the labeller hears each utterance as it is spoken
    /// and embeds its voice ahead, beside capture, so at the cut only its last second or two is
    /// left, and that runs while Whisper decodes the utterance.
    public func run(source: any AudioSource, live: Bool, speakers: SpeakerLabeller? = nil,
                    emit: @escaping @Sendable (SpeechEvent) -> Void) async throws {
        // Live audio cannot wait for recognition, so its backlog is shown; a file waits instead.
        let queue = live ? DecodeQueue(backlog: BacklogMonitor(threshold: slowThreshold)) { emit(.backlog($0)) } : DecodeQueue()
        // Checked once, up front: otherwise every decode would fail on the prompt and the meeting
        // would get no text at all, silently.
        var prompting = Prompting(design: prompt, fixed: fixedPrompt)
        if prompting.isOn, let problem = promptProblem {
            emit(.notice("design prompt off: \(problem)"))
            prompting = Prompting(design: nil, fixed: nil)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let speakers { group.addTask { await speakers.run() } }
            group.addTask { try await capture(source: source, live: live, into: queue, speakers: speakers, emit: emit) }
            group.addTask { [prompting] in
                await recognise(from: queue, live: live, prompting: prompting, speakers: speakers, emit: emit)
                // Every label has been asked for: the labeller's work ends with the meeting's.
                speakers?.close()
            }
            try await group.waitForAll()
        }
    }

    /// Reads audio, finds speech, and queues decoding jobs with their samples.
    private func capture(source: any AudioSource, live: Bool, into queue: DecodeQueue, speakers: SpeakerLabeller?,
                         emit: @escaping @Sendable (SpeechEvent) -> Void) async throws {
        // Recognition segments end after a short pause, so finals arrive soon after speech ends;
        // the trigger measures the meeting's longer silences itself.
        var vad = VADStateMachine(threshold: vadThreshold, hangover: segmentPause, detector: voiceDetector)
        var settings = SegmentStateMachine.Settings()
        settings.partials = partials && live
        var segments = SegmentStateMachine(settings: settings)
        // Deciding early only pays when someone waits for the text; a file need not.
        let speculateAfter = live ? self.speculateAfter : .infinity
        var buffer = AudioWindow()
        var reportedDrops = 0
        // The utterance under way and how far the labeller has heard it.
        var heard = (start: -1, upTo: 0)
        do {
            for try await chunk in source.chunks() {
                emit(.level(chunk.level))
                buffer.append(chunk.samples)
                var jobs: [SegmentStateMachine.Job] = []
                for event in vad.process(chunk.samples) {
                    switch event {
                    case .speechStarted(let at): segments.speechStarted(at: at)
                    case .speechEnded(_, let end): jobs += segments.speechEnded(at: end)
                    }
                }
                if let pause = vad.pause {
                    if pause.seconds >= speculateAfter { jobs += segments.paused(endingAt: pause.endSample) }
                } else if vad.inSpeech {
                    segments.resumed()
                }
                jobs += segments.advance(by: chunk.samples.count)
                if let speakers, let start = segments.utteranceStart {
                    // Its voice is embedded while it is spoken, off this task.
                    if heard.start != start { heard = (start, start) }
                    speakers.hear(buffer.samples(heard.upTo..<segments.position), utteranceAt: start)
                    heard.upTo = segments.position
                }
                for job in jobs {
                    let samples = buffer.samples(job.range)
                    // A speculative final is the utterance as it stands at a pause: its voice can
                    // be embedded now, and usually the final that follows has the same audio.
                    if Self.carriesVoice(job) { speakers?.prepare(job.range, samples: samples) }
                    await queue.push(.init(job: job, samples: samples, startSample: job.range.lowerBound))
                }
                buffer.discard(before: segments.retainFrom)
                if !live { await queue.waitUntilDepth(atMost: slowThreshold) }
                if source.droppedChunks != reportedDrops {
                    reportedDrops = source.droppedChunks
                    emit(.dropped(reportedDrops))
                }
            }
        } catch {
            await flush(&segments, buffer: buffer, queue: queue, speakers: speakers)
            throw error
        }
        await flush(&segments, buffer: buffer, queue: queue, speakers: speakers)
    }

    private func flush(_ segments: inout SegmentStateMachine, buffer: AudioWindow, queue: DecodeQueue,
                       speakers: SpeakerLabeller?) async {
        for job in segments.finish() {
            let samples = buffer.samples(job.range)
            if Self.carriesVoice(job) { speakers?.prepare(job.range, samples: samples) }
            await queue.push(.init(job: job, samples: samples, startSample: job.range.lowerBound))
        }
        await queue.close()
    }

    /// A final or a speculative final: a whole utterance, whose voice is worth embedding (a
    /// partial's audio is only a piece of what its final will have).
    static func carriesVoice(_ job: SegmentStateMachine.Job) -> Bool {
        switch job {
        case .final, .speculative: true
        case .partial: false
        }
    }
}

/// The samples of the live stream still needed, addressed by absolute sample index.
struct AudioWindow {
    private var storage: [Float] = []
    private var start = 0

    mutating func append(_ samples: [Float]) { storage += samples }

    func samples(_ range: Range<Int>) -> [Float] {
        let lo = max(range.lowerBound, start) - start, hi = min(range.upperBound - start, storage.count)
        return lo < hi ? Array(storage[lo..<hi]) : []
    }

    mutating func discard(before sample: Int) {
        let n = min(storage.count, sample - start)
        guard n > 16_000 else { return }   // trim in bulk, not every chunk
        storage.removeFirst(n)
        start += n
    }
}

/// The Whisper sessions of one `LiveTranscriber`, shared by its copies.
final class RecogniserCache: Sendable {
    private let made = Mutex<[Bool: any Recogniser]>([:])

    func recogniser(live: Bool, make: () -> any Recogniser) -> any Recogniser {
        made.withLock { made in
            if let existing = made[live] { return existing }
            let new = make()
            made[live] = new
            return new
        }
    }
}
