import Foundation
import Tensor

/// Resemblyzer 0.1.4's d-vector speaker encoder (Apache-2.0), converted by `make models` from
/// the wheel's `pretrained.pt` into `resemblyzer.safetensors` under the PyTorch names: a
/// 3-layer LSTM (40 mel bands -> 256) and a 256 -> 256 linear layer. 1.4M parameters, loaded
/// once and shared read-only by every encoder.
public struct VoiceEncoderWeights: Sendable {
    /// File name inside the model folder `make models` fills (`models/resemblyzer`).
    public static let fileName = "resemblyzer.safetensors"
    static let melBands = 40
    static let hiddenSize = 256
    static let embeddingSize = 256

    let layers: [LSTMCell]  // 40 -> 256, 256 -> 256, 256 -> 256
    let linear: Tensor  // [embedding, hidden]
    let linearBias: Tensor  // [embedding]

    /// Reads `resemblyzer.safetensors` from a model folder.
    public init(directory: String) throws {
        try self.init(path: directory + "/" + Self.fileName)
    }

    public init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SpeakerError.badModel(path: path, reason: "not found")
        }
        do {
            let file = try SafeTensors(path: path)
            let h = Self.hiddenSize
            layers = try (0..<3).map { n in
                try LSTMCell(
                    inputWeight: try file.tensor("lstm.weight_ih_l\(n)", shape: [4 * h, n == 0 ? Self.melBands : h]),
                    hiddenWeight: try file.tensor("lstm.weight_hh_l\(n)", shape: [4 * h, h]),
                    inputBias: try file.tensor("lstm.bias_ih_l\(n)", shape: [4 * h]),
                    hiddenBias: try file.tensor("lstm.bias_hh_l\(n)", shape: [4 * h]))
            }
            linear = try file.tensor("linear.weight", shape: [Self.embeddingSize, h])
            linearBias = try file.tensor("linear.bias", shape: [Self.embeddingSize])
        } catch {
            throw SpeakerError.badModel(path: path, reason: error.localizedDescription)
        }
        let all = [linear, linearBias] + layers.flatMap { [$0.inputWeight, $0.hiddenWeight, $0.bias] }
        guard all.allSatisfy({ $0.data.allSatisfy(\.isFinite) }) else {
            throw SpeakerError.badModel(path: path, reason: "weights hold NaN or infinity")
        }
    }
}
