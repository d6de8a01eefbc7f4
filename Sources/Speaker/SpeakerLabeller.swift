import Synchronization

/// Who said each utterance of one audio stream, live or from a file: the voice encoder's
/// embedding of the utterance's samples, fed to the online clustering in the order the
/// utterances end, so "Speaker 2" means the same voice for the whole meeting.
///
/// The embedding is the slow part (150-300 ms of CPU for a few seconds of speech), so it is not
/// left to the end of the utterance. The speech stage hands over the samples of the utterance
/// under way as they are heard (`hear`), and `run`, a child task of the speech stage, embeds its
/// 1.6 s partials while the person is still speaking (`UtteranceEmbedding`). When the utterance
/// is cut (`prepare`, at the pause where Whisper starts decoding early, or at its end) only the
/// last partial or two are left, and they run beside Whisper's decode. `speaker(of:samples:)`,
/// asked in the order the finals come out, then mostly only waits for what is already under way.
/// One labeller per audio stream, and one `run`; the weights are shared.
public final class SpeakerLabeller: Sendable {
    public let configuration: SpeakerStateMachine.Configuration
    private let worker: SpeakerWorker
    private let state: Mutex<State>

    public init(weights: VoiceEncoderWeights, configuration: SpeakerStateMachine.Configuration = .init()) {
        self.configuration = configuration
        worker = SpeakerWorker(encoder: VoiceEncoder(weights: weights))
        state = Mutex(State(clustering: SpeakerStateMachine(configuration: configuration)))
    }

    /// The name a speaker's lines carry.
    public static func name(of speaker: Int) -> String { "Speaker \(speaker)" }

    /// Speakers met so far.
    public var speakerCount: Int { state.withLock { $0.clustering.speakerCount } }

    /// `samples` continue the utterance that began at stream sample `start` (from its first
    /// sample, the first time). Returns at once: the embedding work is `run`'s.
    public func hear(_ samples: [Float], utteranceAt start: Int) {
        guard !samples.isEmpty else { return }
        update { state in
            if let last = state.heard.indices.last, state.heard[last].start == start {
                state.heard[last].samples += samples
            } else {
                state.heard.append((start, samples))
            }
        }
    }

    /// Starts embedding the utterance at `range` (16 kHz sample indices of the stream) and returns
    /// at once. Asking again for the same range does nothing; a longer range from the same start
    /// (speech went on after the pause) replaces the shorter one.
    public func prepare(_ range: Range<Int>, samples: [Float]) {
        update { state in
            guard state.requests[range] == nil, !state.stopped,
                  needsEmbedding(samples: samples.count, state.clustering) else { return }
            for other in state.requests.keys where other.lowerBound == range.lowerBound { state.forget(other) }
            state.ask(range, samples: samples)
        }
    }

    /// The speaker (1, 2, ...) of the utterance at `range`. Call it once per utterance, in the
    /// order the utterances happened: it moves the clustering on. Utterances prepared before this
    /// one that were never labelled (their text was empty) are forgotten.
    public func speaker(of range: Range<Int>, samples: [Float]) async -> Int {
        let duration = Double(samples.count) / Double(VoiceEncoder.sampleRate)
        let embedding: [Float] = await withCheckedContinuation { continuation in
            let answer: [Float]?? = update { state in
                for other in state.requests.keys where other != range && other.lowerBound < range.upperBound {
                    state.forget(other)
                }
                guard !state.stopped, needsEmbedding(samples: samples.count, state.clustering) else {
                    state.forget(range)
                    return .some(nil)
                }
                if let done = state.requests[range]?.result {
                    state.forget(range)
                    return done
                }
                if state.requests[range] == nil { state.ask(range, samples: samples) }
                state.requests[range]?.waiter = continuation
                return nil
            }
            if let answer { continuation.resume(returning: answer ?? []) }
        }
        return state.withLock { $0.clustering.utterance(embedding: embedding, duration: duration).speaker }
    }

    /// Nothing more will be heard or asked: `run` returns once it has answered what it was asked.
    public func close() {
        update { $0.closed = true }
    }

    /// Does the embedding work, on the encoder's queue, until `close()` and nothing is left, or
    /// until cancelled (whoever still waits is then answered at once, with no embedding).
    /// Run it as a child task beside whoever hears and asks; it returns at once if run before.
    public func run() async {
        guard !state.withLock({ $0.stopped }) else { return }
        var behind = false
        while let step = await next(behind: behind) {
            let done = await worker.perform(step)
            behind = done.behind
            if let request = step.request, let embedding = done.embedding {
                let waiter: CheckedContinuation<[Float], Never>? = state.withLock { state in
                    guard state.requests[request.range] != nil else { return nil }   // forgotten meanwhile
                    if let waiter = state.requests[request.range]?.waiter {
                        state.forget(request.range)
                        return waiter
                    }
                    state.requests[request.range]?.result = embedding
                    return nil
                }
                waiter?.resume(returning: embedding)
            }
        }
        let waiting = state.withLock { state in
            state.stopped = true
            defer {
                state.requests.removeAll()
                state.order.removeAll()
            }
            return state.requests.values.compactMap(\.waiter)
        }
        for waiter in waiting { waiter.resume(returning: []) }
    }

    /// The next piece of work, waiting for one; nil once closed and done, or cancelled.
    private func next(behind: Bool) async -> SpeakerWorker.Step? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<SpeakerWorker.Step?, Never>) in
                let now: SpeakerWorker.Step?? = state.withLock { state in
                    if state.cancelled { return .some(nil) }
                    if let step = state.takeStep(behind: behind) { return step }
                    if state.closed { return .some(nil) }
                    state.runner = continuation
                    return nil
                }
                if let now { continuation.resume(returning: now) }
            }
        } onCancel: {
            let runner = state.withLock { state in
                state.cancelled = true
                defer { state.runner = nil }
                return state.runner
            }
            runner?.resume(returning: nil)
        }
    }

    /// Changes the state, then hands `run` its next piece of work if it is waiting for one.
    private func update<T: Sendable>(_ body: (inout State) -> T) -> T {
        typealias Handoff = (runner: CheckedContinuation<SpeakerWorker.Step?, Never>, step: SpeakerWorker.Step?)
        let (result, handoff): (T, Handoff?) = state.withLock { state in
            let result = body(&state)
            guard let runner = state.runner else { return (result, nil) }
            let step = state.takeStep(behind: false)
            guard step != nil || state.closed else { return (result, nil) }
            state.runner = nil
            return (result, (runner, step))
        }
        if let handoff { handoff.runner.resume(returning: handoff.step) }
        return result
    }

    /// An utterance too short to carry a voice inherits the previous speaker once there is one,
    /// so its embedding would be thrown away. Speakers are never removed, so a "no" stays true.
    private func needsEmbedding(samples count: Int, _ clustering: SpeakerStateMachine) -> Bool {
        clustering.speakerCount == 0 || Double(count) / Double(VoiceEncoder.sampleRate) >= configuration.minimumDuration
    }
}

extension SpeakerLabeller {
    /// What the capture side and the recognition side have handed over, under the lock.
    fileprivate struct State {
        var clustering: SpeakerStateMachine
        /// Samples heard and not yet given to the worker, by the start of their utterance.
        var heard: [(start: Int, samples: [Float])] = []
        /// Embeddings asked for, by their range of samples.
        var requests: [Range<Int>: Request] = [:]
        /// The order they were asked in, so the oldest is done first.
        var order: [Range<Int>] = []
        /// `run` waiting for work.
        var runner: CheckedContinuation<SpeakerWorker.Step?, Never>?
        var closed = false
        var cancelled = false
        /// `run` has returned: answer at once, with no embedding.
        var stopped = false

        mutating func ask(_ range: Range<Int>, samples: [Float]) {
            requests[range] = Request(samples: samples)
            order.append(range)
        }

        mutating func forget(_ range: Range<Int>) {
            requests[range] = nil
            order.removeAll { $0 == range }
        }

        /// The oldest embedding not started yet, with what was heard; else, unless closed,
        /// what was heard or more partials to embed ahead.
        mutating func takeStep(behind: Bool) -> SpeakerWorker.Step? {
            if let range = order.first(where: { requests[$0]?.started == false }), let request = requests[range] {
                requests[range]?.started = true
                defer { heard.removeAll() }
                return SpeakerWorker.Step(heard: heard, request: .init(range: range, samples: request.samples))
            }
            guard !closed, behind || !heard.isEmpty else { return nil }
            defer { heard.removeAll() }
            return SpeakerWorker.Step(heard: heard, request: nil)
        }
    }

    /// An embedding asked for: the utterance's samples, and its answer or who waits for it.
    fileprivate struct Request {
        var samples: [Float]
        var started = false
        var result: [Float]?
        var waiter: CheckedContinuation<[Float], Never>?
    }
}
