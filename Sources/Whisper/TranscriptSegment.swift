/// One stretch of recognised speech with its time in the audio (seconds, plus the
/// caller's offset) and the decoder's confidence.
public struct TranscriptSegment: Sendable, Equatable {
    public var text: String
    public var start: Double
    public var end: Double
    /// Text and timestamp token ids, as the decoder produced them.
    public var tokens: [Int]
    public var avgLogProb: Double
    public var noSpeechProb: Double

    public init(text: String, start: Double, end: Double, tokens: [Int], avgLogProb: Double, noSpeechProb: Double) {
        self.text = text
        self.start = start
        self.end = end
        self.tokens = tokens
        self.avgLogProb = avgLogProb
        self.noSpeechProb = noSpeechProb
    }
}

extension TranscriptSegment {
    /// Whisper's own test for a decode worth retrying: too repetitive (compression ratio above
    /// 2.4, "notions, notions, notions") or too unlikely (average log-probability below -1).
    /// A live partial that fails it is a guess, better not shown.
    public var isDoubtful: Bool {
        CompressionRatio.of(text) > WhisperSession.compressionRatioThreshold || avgLogProb < WhisperSession.logProbThreshold
    }
}
