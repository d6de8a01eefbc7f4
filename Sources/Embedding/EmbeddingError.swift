import Foundation

/// A problem loading or running the sentence-embedding model.
public enum EmbeddingError: Error, LocalizedError, Equatable {
    /// A model file is absent: the weights are not unpacked.
    case missingFile(path: String)
    /// A tensor the model needs is absent or has the wrong shape.
    case badTensor(name: String, reason: String)
    case badVocabulary(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .missingFile(let path): "\(path): not found; run scripts/models.sh to unpack all-MiniLM-L6-v2"
        case .badTensor(let name, let reason): "model tensor \(name): \(reason); re-run scripts/models.sh"
        case .badVocabulary(let path, let reason): "\(path): \(reason)"
        }
    }
}
