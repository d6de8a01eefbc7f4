import Core
import Embedding
import Foundation
import Intent

extension MeetingSetup {
    /// The built-in intent heads (for lines the rules read, and for lines they read nothing in)
    /// reading `model`'s embeddings; without the model (or with a head
    /// this build cannot use) nil and the one line to show: intents then come from the rules alone.
    public static func intentScorer(model: Result<MiniLM, any Error>) -> (scorer: IntentScorer?, notice: String?) {
        do {
            return (try IntentScorer.builtIn(embedder: MiniLMSentences(model: try model.get())), nil)
        } catch {
            return (nil, "intents from rules alone: \((error as? LocalizedError)?.errorDescription ?? "\(error)")")
        }
    }

    /// all-MiniLM-L6-v2 as the sentence embedding the intent head reads.
    public struct MiniLMSentences: SentenceEmbedding {
        let model: MiniLM
        public var dimension: Int { model.dimension }

        public init(model: MiniLM) {
            self.model = model
        }

        public init(modelsDirectory: String = Paths.models()) throws {
            model = try MiniLM(modelsDirectory: modelsDirectory)
        }

        public func embed(_ text: String) -> [Float] { model.embed(text) }
    }
}
