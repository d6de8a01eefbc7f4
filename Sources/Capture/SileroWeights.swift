import Foundation
import Tensor

/// Silero VAD v6's 16 kHz weights (`silero_vad_16k.safetensors` from the `silero-vad` wheel,
/// MIT), loaded once and shared read-only by every stream. 309k parameters: an STFT written
/// as a convolution, four 1-D convolutions, one LSTM cell and a 1x1 output convolution.
public struct SileroWeights: Sendable {
    /// One encoder layer: a kernel-3 convolution with padding 1, then ReLU.
    public struct Convolution: Sendable {
        public let weight: Tensor  // [out, in * 3], PyTorch's [out, in, 3] read flat
        public let bias: Tensor  // [out]
        public let inChannels: Int
        public let outChannels: Int
        public let stride: Int
    }

    /// File name inside the model folder `make models` fills.
    public static let fileName = "silero_vad_16k.safetensors"
    /// The STFT's window and hop, in samples: 129 frequency bins every 8 ms.
    public static let fftSize = 256
    public static let hop = 128
    public static let bins = fftSize / 2 + 1
    public static let hiddenSize = 128

    public let stft: Tensor  // [2 * bins, fftSize]: 129 cosine filters, then 129 sine filters
    public let encoder: [Convolution]  // 129 -> 128 (stride 1) -> 64 (2) -> 64 (2) -> 128 (1)
    public let lstm: LSTMCell  // hidden -> hidden, gates in PyTorch's order i, f, g, o
    public let output: Tensor  // [hidden]: the final 1x1 convolution to one logit
    public let outputBias: Float

    /// Reads `silero_vad_16k.safetensors` from a model folder.
    public init(directory: String) throws {
        try self.init(path: directory + "/" + Self.fileName)
    }

    /// Reads a safetensors file holding the 15 tensors under their PyTorch names.
    public init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CaptureError.badModel(path: path, reason: "not found")
        }
        do {
            let file = try SafeTensors(path: path)
            let f = Self.fftSize, b = Self.bins, h = Self.hiddenSize
            let basis = try file.tensor("stft_conv.weight", shape: [2 * b, 1, f])
            stft = try Tensor(shape: [2 * b, f], data: basis.data)
            let layers = [(1, b, h, 1), (2, h, 64, 2), (3, 64, 64, 2), (4, 64, h, 1)]
            encoder = try layers.map { n, inChannels, outChannels, stride in
                let w = try file.tensor("conv\(n).weight", shape: [outChannels, inChannels, 3])
                return Convolution(
                    weight: try Tensor(shape: [outChannels, inChannels * 3], data: w.data),
                    bias: try file.tensor("conv\(n).bias", shape: [outChannels]),
                    inChannels: inChannels, outChannels: outChannels, stride: stride)
            }
            lstm = try LSTMCell(
                inputWeight: try file.tensor("lstm_cell.weight_ih", shape: [4 * h, h]),
                hiddenWeight: try file.tensor("lstm_cell.weight_hh", shape: [4 * h, h]),
                inputBias: try file.tensor("lstm_cell.bias_ih", shape: [4 * h]),
                hiddenBias: try file.tensor("lstm_cell.bias_hh", shape: [4 * h]))
            let out = try file.tensor("final_conv.weight", shape: [1, h, 1])
            output = try Tensor(shape: [h], data: out.data)
            outputBias = try file.tensor("final_conv.bias", shape: [1]).data[0]
        } catch let error as CaptureError {
            throw error
        } catch {
            throw CaptureError.badModel(path: path, reason: error.localizedDescription)
        }
        let all = [stft, lstm.inputWeight, lstm.hiddenWeight, lstm.bias, output] + encoder.flatMap { [$0.weight, $0.bias] }
        guard all.allSatisfy({ $0.data.allSatisfy(\.isFinite) }), outputBias.isFinite else {
            throw CaptureError.badModel(path: path, reason: "weights hold NaN or infinity")
        }
    }
}
