/// Turns a sentence into a fixed-length vector for the intent head.
///
/// The Intent target never loads a model itself: the executable and the meeting pass MiniLM in
/// (Pipeline's `MiniLMSentences`), tests may pass a stand-in, and without one the extractor
/// runs on its rules alone.
public protocol SentenceEmbedding: Sendable {
    /// Length of every vector `embed` returns.
    var dimension: Int { get }
    /// The embedding of one utterance, unit length.
    func embed(_ text: String) -> [Float]
}
