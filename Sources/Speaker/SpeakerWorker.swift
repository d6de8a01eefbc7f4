import Dispatch
import Tensor

/// A labeller's encoder and the utterances it is embedding ahead, used on one serial queue shared
/// by every labeller: an embedding is hundreds of milliseconds of CPU that must not block the
/// cooperative threads capture and the screen run on, and two at once would only fight over the
/// same two cores. `SpeakerLabeller.run` hands it one step at a time and awaits it.
final class SpeakerWorker: @unchecked Sendable {
    // @unchecked: `encoder` and `utterances` are touched only on `queue`.
    private var encoder: VoiceEncoder
    /// Utterances heard, newest last, by their first sample in the stream.
    private var utterances: [(start: Int, embedding: UtteranceEmbedding)] = []
    private static let queue = DispatchQueue(label: "mockpilot.speakers")
    /// Utterances kept: the one being spoken, and the ones before it whose labels are not asked
    /// for yet (recognition may be behind). Older ones are embedded from their samples if asked.
    private static let kept = 3

    /// One piece of work: samples heard since the last step, then either an embedding asked for
    /// or, with none, partials embedded ahead in the newest utterance.
    struct Step: Sendable {
        struct Request: Sendable {
            var range: Range<Int>
            var samples: [Float]
        }
        var heard: [(start: Int, samples: [Float])]
        var request: Request?
    }

    init(encoder: VoiceEncoder) { self.encoder = encoder }

    /// Does `step` on the queue: the request's embedding if there was one, and whether the newest
    /// utterance has partials ready to embed ahead.
    func perform(_ step: Step) async -> (embedding: [Float]?, behind: Bool) {
        await withCheckedContinuation { continuation in
            Self.queue.async { continuation.resume(returning: self.performNow(step)) }
        }
    }

    private func performNow(_ step: Step) -> (embedding: [Float]?, behind: Bool) {
        for (start, samples) in step.heard { utterances[index(at: start)].embedding.append(samples) }
        if let request = step.request {
            let result = singleThreaded { embedding(of: request) }
            // Utterances before this one are done with: their labels are asked for in order.
            utterances.removeAll { $0.start < request.range.lowerBound }
            return (result, utterances.last?.embedding.canAdvance ?? false)
        }
        guard let last = utterances.indices.last, utterances[last].embedding.canAdvance else { return (nil, false) }
        // One batch of partials at most, so an ending asked for meanwhile waits for little.
        return (nil, singleThreaded { utterances[last].embedding.advance(encoder: &encoder) })
    }

    /// The embedding of the samples asked for, from the utterance heard from their start: what
    /// it embedded ahead serves when it heard the same samples (it always should), else it
    /// starts afresh from them.
    private func embedding(of request: Step.Request) -> [Float] {
        let i = index(at: request.range.lowerBound), samples = request.samples
        if !utterances[i].embedding.agrees(with: samples[...]) { utterances[i].embedding = UtteranceEmbedding() }
        let heard = utterances[i].embedding.count
        if heard < samples.count { utterances[i].embedding.append(samples[heard...]) }
        return utterances[i].embedding.embedding(of: samples.count, encoder: &encoder)
    }

    /// Where the utterance heard from `start` is, made if it is new (the oldest forgotten).
    private func index(at start: Int) -> Int {
        if let i = utterances.firstIndex(where: { $0.start == start }) { return i }
        utterances.append((start, UtteranceEmbedding()))
        if utterances.count > Self.kept { utterances.removeFirst(utterances.count - Self.kept) }
        return utterances.count - 1
    }

    /// The LSTM's per-frame products are small (a few rows by 1024 x 256): OpenBLAS's worker
    /// threads cost more than they save there (a 4 s utterance 200 ms on one thread, 480 ms on
    /// two on a busy machine), and Whisper, decoding beside it, has the other core. Whisper gets
    /// its threads back after.
    private func singleThreaded<T>(_ body: () -> T) -> T {
        let threads = BLAS.threads
        BLAS.setThreads(1)
        defer { BLAS.setThreads(threads) }
        return body()
    }
}
