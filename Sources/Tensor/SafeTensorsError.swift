import Foundation

/// A safetensors weights file that is absent, damaged, or lacks a tensor a model needs.
public enum SafeTensorsError: Error, LocalizedError, Equatable {
    /// The file is absent: the weights are not unpacked.
    case missingFile(path: String)
    /// The file is truncated or its header is not what the format says.
    case badFile(path: String, reason: String)
    /// A tensor the model needs is absent or has the wrong shape.
    case badTensor(name: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .missingFile(let path): "\(path): not found; run `make models` to unpack the model weights"
        case .badFile(let path, let reason): "\(path): not a valid safetensors file (\(reason)); re-run `make models`"
        case .badTensor(let name, let reason): "model tensor \(name): \(reason); re-run `make models`"
        }
    }
}
