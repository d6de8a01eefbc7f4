import Dispatch
import Synchronization
import Tensor

/// Who said each utterance of one audio stream, live or from a file: the voice encoder's
/// embedding of the utterance's samples, fed to the online clustering in the order the
/// utterances end, so "Speaker 2" means the same voice for the whole meeting.
///
/// The embedding is the slow part (150-300 ms of CPU for a few seconds of speech), so it does
/// not wait for the transcript: the speech stage hands over an utterance's samples as soon as
/// it has them (`prepare`, at the pause where it starts decoding early, or when the utterance is
/// cut), and the embedding runs on a queue of its own while Whisper decodes the same audio.
/// `speaker(of:samples:)`, asked in the order the finals come out, then mostly only waits for
/// what is already under way. One labeller per audio stream; the weights are shared.
public final class SpeakerLabeller: Sendable {
    public let configuration: SpeakerStateMachine.Configuration
    private let encoder: SharedEncoder
    private let state: Mutex<State>

    private struct State {
        var clustering: SpeakerStateMachine
        /// Embeddings started for utterances not labelled yet, by their range of samples.
        var embeddings: [Range<Int>: Embedding] = [:]
    }

    /// An embedding under way, and how to call it off when its utterance turned out longer.
    private struct Embedding {
        var task: Task<[Float], Never>
        var cancelled: CancelFlag
    }

    public init(weights: VoiceEncoderWeights, configuration: SpeakerStateMachine.Configuration = .init()) {
        self.configuration = configuration
        encoder = SharedEncoder(encoder: VoiceEncoder(weights: weights))
        state = Mutex(State(clustering: SpeakerStateMachine(configuration: configuration)))
    }

    /// The name a speaker's lines carry.
    public static func name(of speaker: Int) -> String { "Speaker \(speaker)" }

    /// Speakers met so far.
    public var speakerCount: Int { state.withLock { $0.clustering.speakerCount } }

    /// Starts embedding the utterance at `range` (16 kHz sample indices of the stream) and returns
    /// at once. Asking again for the same range does nothing; a longer range from the same start
    /// (speech went on after the pause) calls the shorter one off.
    public func prepare(_ range: Range<Int>, samples: [Float]) {
        state.withLock { state in
            guard state.embeddings[range] == nil, needsEmbedding(samples: samples.count, state.clustering) else { return }
            for (other, embedding) in state.embeddings where other.lowerBound == range.lowerBound {
                embedding.cancelled.cancel()
                state.embeddings[other] = nil
            }
            state.embeddings[range] = start(samples)
        }
    }

    /// The speaker (1, 2, ...) of the utterance at `range`. Call it once per utterance, in the
    /// order the utterances happened: it moves the clustering on. Utterances prepared before this
    /// one that were never labelled (their text was empty) are forgotten.
    public func speaker(of range: Range<Int>, samples: [Float]) async -> Int {
        let duration = Double(samples.count) / Double(VoiceEncoder.sampleRate)
        let pending: Task<[Float], Never>? = state.withLock { state in
            for (other, embedding) in state.embeddings where other != range && other.lowerBound < range.upperBound {
                embedding.cancelled.cancel()
                state.embeddings[other] = nil
            }
            let prepared = state.embeddings.removeValue(forKey: range)
            guard needsEmbedding(samples: samples.count, state.clustering) else { return nil }
            return (prepared ?? start(samples)).task
        }
        let embedding = await pending?.value ?? []
        return state.withLock { $0.clustering.utterance(embedding: embedding, duration: duration).speaker }
    }

    /// An utterance too short to carry a voice inherits the previous speaker once there is one,
    /// so its embedding would be thrown away. Speakers are never removed, so a "no" stays true.
    private func needsEmbedding(samples count: Int, _ clustering: SpeakerStateMachine) -> Bool {
        clustering.speakerCount == 0 || Double(count) / Double(VoiceEncoder.sampleRate) >= configuration.minimumDuration
    }

    private func start(_ samples: [Float]) -> Embedding {
        let cancelled = CancelFlag(), encoder = encoder
        return Embedding(task: Task { await encoder.embed(samples, unless: cancelled) }, cancelled: cancelled)
    }
}

/// The encoder and its scratch, used on one serial queue shared by every labeller: an embedding
/// is hundreds of milliseconds of CPU that must not block the cooperative threads capture and the
/// screen run on, and two at once would only fight over the same two cores.
private final class SharedEncoder: @unchecked Sendable {
    // @unchecked: `encoder` is touched only on `queue`.
    private var encoder: VoiceEncoder
    private static let queue = DispatchQueue(label: "mockpilot.speakers")

    init(encoder: VoiceEncoder) { self.encoder = encoder }

    /// The embedding of `samples`, or nothing if it was called off before its turn came.
    func embed(_ samples: [Float], unless cancelled: CancelFlag) async -> [Float] {
        await withCheckedContinuation { continuation in
            Self.queue.async {
                guard !cancelled.isCancelled else { return continuation.resume(returning: []) }
                // The LSTM's per-frame products are small (a few rows by 1024 x 256): OpenBLAS's
                // worker threads cost more than they save there (a 4 s utterance 200 ms on one
                // thread, 480 ms on two on a busy machine), and Whisper, decoding beside it, has
                // the other core. Whisper gets its threads back after.
                let threads = BLAS.threads
                BLAS.setThreads(1)
                defer { BLAS.setThreads(threads) }
                continuation.resume(returning: self.encoder.embed(samples[...]))
            }
        }
    }
}

/// Set once an embedding is no longer wanted; read on the encoder's queue.
private final class CancelFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    var isCancelled: Bool { flag.load(ordering: .relaxed) }
    func cancel() { flag.store(true, ordering: .relaxed) }
}
