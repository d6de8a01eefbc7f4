/// Turns voice activity into decoding jobs for a live stream: a partial every `partialInterval`
/// while someone speaks, a speculative final as soon as they pause, a final at the end of each
/// utterance, and a forced final before a segment outgrows Whisper's 30 s window. Counts
/// samples, so it needs no clock.
public struct SegmentStateMachine: Sendable {
    public struct Settings: Sendable {
        public var sampleRate = 16_000
        /// Partials at all: a file transcribed to text needs only the finals.
        public var partials = true
        /// A little under the 0.6 s between partials that the screen promises: a partial
        /// waits for the decode before it, and the gaps users see carry that jitter.
        public var partialInterval = 0.5
        /// Audio kept before speech starts, so the first syllable is not clipped.
        public var preroll = 0.3
        public var maxSegment = 28.0
        /// The VAD reports a start up to this late, so idle audio is kept this long.
        public var detectionDelay = 1.0
        public init() {}
    }

    public enum Job: Sendable, Equatable {
        case partial(segment: Int, range: Range<Int>)
        case final(segment: Int, range: Range<Int>)
        /// The utterance so far, decoded as a final at the start of a pause: if the pause turns
        /// out to end the utterance, the final of the same range is already done. The end of an
        /// utterance is only certain after the VAD's hangover, and this hides the decode in it.
        case speculative(segment: Int, range: Range<Int>)

        public var range: Range<Int> {
            switch self {
            case .partial(_, let r), .final(_, let r), .speculative(_, let r): r
            }
        }
        public var segment: Int {
            switch self {
            case .partial(let s, _), .final(let s, _), .speculative(let s, _): s
            }
        }
        public var isFinal: Bool { if case .final = self { true } else { false } }
    }

    public let settings: Settings
    public private(set) var position = 0
    private var segment = 0
    private var segmentStart: Int?
    private var lastPartial = 0
    /// End of the speculative final of the pause under way; no partials until speech resumes.
    private var pausedAt: Int?

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// The earliest sample still needed: the live segment's start, or enough idle audio for a
    /// late speech-start report plus the pre-roll.
    public var retainFrom: Int {
        segmentStart ?? max(0, position - samples(settings.preroll + settings.detectionDelay))
    }

    /// The first sample of the utterance under way, or nil between utterances.
    public var utteranceStart: Int? { segmentStart }

    public mutating func speechStarted(at sample: Int) {
        guard segmentStart == nil else { return }
        segment += 1
        segmentStart = max(0, min(sample, position) - samples(settings.preroll))
        lastPartial = position
        pausedAt = nil
    }

    /// Speech paused after `sample`; it may be the end of the utterance. Asks for the
    /// utterance so far once per pause (a partial would only repeat it).
    public mutating func paused(endingAt sample: Int) -> [Job] {
        guard let start = segmentStart, pausedAt == nil else { return [] }
        let end = min(position, max(sample, start + 1))
        guard end > start else { return [] }
        pausedAt = end
        return [.speculative(segment: segment, range: start..<end)]
    }

    /// Speech went on after a pause: partials resume.
    public mutating func resumed() {
        pausedAt = nil
    }

    /// `count` new samples arrived.
    public mutating func advance(by count: Int) -> [Job] {
        position += count
        guard let start = segmentStart else { return [] }
        if position - start >= samples(settings.maxSegment) {
            // Whisper sees 30 s at most: close this piece and carry on in a new segment.
            let job = Job.final(segment: segment, range: start..<position)
            segment += 1
            segmentStart = position
            lastPartial = position
            pausedAt = nil
            return [job]
        }
        if settings.partials, pausedAt == nil, position - lastPartial >= samples(settings.partialInterval) {
            lastPartial = position
            return [.partial(segment: segment, range: start..<position)]
        }
        return []
    }

    public mutating func speechEnded(at sample: Int) -> [Job] {
        guard let start = segmentStart else { return [] }
        segmentStart = nil
        pausedAt = nil
        let end = min(position, max(sample, start + 1))
        return end > start ? [.final(segment: segment, range: start..<end)] : []
    }

    /// The stream ended: whatever is being said becomes final.
    public mutating func finish() -> [Job] {
        speechEnded(at: position)
    }

    private func samples(_ seconds: Double) -> Int { Int(seconds * Double(settings.sampleRate)) }
}
