/// Online speaker clustering: who said each utterance, decided as it arrives and never revised,
/// so "Speaker 2" means the same voice for the whole meeting. Each utterance's voice embedding
/// joins the speaker whose centroid (the mean of that speaker's embeddings) is nearest by
/// cosine, if near enough, and moves that centroid; otherwise it opens the next speaker. An
/// utterance too short to carry a reliable voice ("yes", "mm") inherits the previous speaker
/// and leaves every centroid alone. A plain value: time enters only as each utterance's length.
public struct SpeakerStateMachine: Sendable {
    public struct Configuration: Sendable, Equatable {
        /// Cosine similarity to a centroid at or above which an utterance joins that speaker.
        public var threshold: Float
        /// Utterances shorter than this (seconds) inherit the previous speaker.
        public var minimumDuration: Double
        /// Past this many speakers, an utterance joins the nearest one instead of opening another.
        public var maximumSpeakers: Int

        public init(threshold: Float = 0.68, minimumDuration: Double = 1.0, maximumSpeakers: Int = 16) {
            self.threshold = threshold
            self.minimumDuration = minimumDuration
            self.maximumSpeakers = max(1, maximumSpeakers)
        }
    }

    /// What became of an utterance; speakers are numbered from 1 in order of first appearance.
    public enum Action: Sendable, Equatable {
        case joined(speaker: Int, similarity: Float)
        case opened(speaker: Int)
        case inherited(speaker: Int)

        public var speaker: Int {
            switch self {
            case .joined(let speaker, _), .opened(let speaker), .inherited(let speaker): speaker
            }
        }
    }

    public let configuration: Configuration
    /// Sum of each speaker's embeddings; its direction is the centroid.
    private var sums: [[Float]] = []
    private var previous: Int?

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Speakers opened so far.
    public var speakerCount: Int { sums.count }

    /// Assigns one utterance, given its voice embedding and its length in seconds.
    public mutating func utterance(embedding: [Float], duration: Double) -> Action {
        if let previous, !(duration >= configuration.minimumDuration) {
            return .inherited(speaker: previous)
        }
        let action = nearest(embedding).map { best -> Action in
            best.similarity >= configuration.threshold || sums.count >= configuration.maximumSpeakers
                ? .joined(speaker: best.index + 1, similarity: best.similarity) : .opened(speaker: sums.count + 1)
        } ?? .opened(speaker: 1)
        switch action {
        case .joined(let speaker, _):
            for i in sums[speaker - 1].indices where i < embedding.count { sums[speaker - 1][i] += embedding[i] }
        case .opened:
            sums.append(embedding)
        case .inherited:
            break
        }
        previous = action.speaker
        return action
    }

    private func nearest(_ embedding: [Float]) -> (index: Int, similarity: Float)? {
        var best: (index: Int, similarity: Float)?
        for (index, sum) in sums.enumerated() {
            let similarity = Self.cosine(embedding, sum)
            if best.map({ similarity > $0.similarity }) ?? true { best = (index, similarity) }
        }
        return best
    }

    /// Cosine similarity; 0 when either side has no length, so such a vector matches nothing.
    public static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        var dot: Float = 0, aa: Float = 0, bb: Float = 0
        for (x, y) in zip(a, b) {
            dot += x * y
            aa += x * x
            bb += y * y
        }
        guard aa > 0, bb > 0 else { return 0 }
        let similarity = dot / (aa.squareRoot() * bb.squareRoot())
        return similarity.isFinite ? similarity : 0
    }
}
