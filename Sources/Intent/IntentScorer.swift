/// The intent head with the sentence embedding it reads: what the extractor consults beside
/// its rules. Weights and model are shared read-only, so a scorer is cheap to copy.
public struct IntentScorer: Sendable {
    public let head: IntentHead
    public let embedder: any SentenceEmbedding
    /// How the head's probability and the rules' confidence combine; the head's own by default.
    public let combination: IntentCombination
    /// The head for lines the rules read nothing in: what it is sure of is offered, never made.
    public let unread: IntentHead?
    /// The kinds as embeddings, for asks that name no component.
    let prototypes: KindPrototypes

    /// Fails when the embedding is not the length either head was trained on, or the two heads
    /// read different context.
    public init(head: IntentHead, unread: IntentHead? = nil, embedder: any SentenceEmbedding, combination: IntentCombination? = nil) throws {
        for each in [head] + [unread].compactMap({ $0 }) {
            let expected = each.context ? each.dimension / 2 : each.dimension
            guard embedder.dimension == expected else {
                throw IntentError.embeddingSize(expected: expected, got: embedder.dimension)
            }
        }
        if let unread, unread.contextLines != head.contextLines {
            throw IntentError.badHead(source: "unread head",
                                      reason: "it reads \(unread.contextLines) lines of context, the intent head \(head.contextLines)")
        }
        self.head = head
        self.unread = unread
        self.embedder = embedder
        self.combination = combination ?? head.combination
        prototypes = KindPrototypes(embedder: embedder)
    }

    /// The built-in heads (`IntentHead.bundled`, `IntentHead.bundledUnread`) reading `embedder`:
    /// what a meeting and `serve` use.
    public static func builtIn(embedder: any SentenceEmbedding) throws -> IntentScorer {
        try IntentScorer(head: try IntentHead.bundled(), unread: try IntentHead.bundledUnread(), embedder: embedder)
    }

    /// Rules this sure are kept as they are under `maximum`: the head could raise the confidence
    /// a few points at most, and never change whether the line is published.
    static let sureRules = 0.95

    /// Whether the head is worth asking about a line the rules gave `rules` (nil: no request read).
    func needsHead(rules: Double?) -> Bool {
        switch combination {
        case .rules: false
        case .maximum: (rules ?? 0) < Self.sureRules
        case .head, .mean, .headUnlessSure: true
        }
    }

    /// The head's input for one line: its embedding, then (with `context`) the mean embedding of
    /// the lines just before it (zeros at the start of a meeting), then the rule features.
    static func input(_ embedding: [Float], context: [Double]?, rules: [Double]) -> [Double] {
        embedding.map(Double.init) + (context ?? []) + rules
    }
}
