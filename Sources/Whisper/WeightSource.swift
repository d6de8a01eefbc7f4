import Tensor

/// Where `WhisperModel` reads its tensors by CTranslate2 name: the `model.bin` itself
/// (converted to float32 at load) or the `model.f32` made from it once (mapped).
protocol WeightSource {
    /// The file named in errors.
    var path: String { get }
    /// The shape of a tensor, nil when the file has none of that name.
    func shape(of name: String) -> [Int]?
    /// An integer scalar such as `encoder/num_heads`; nil when missing or not a whole number.
    func scalar(_ name: String) -> Int?
    /// A small tensor (bias, layer-norm gain) copied into memory of its own.
    func tensor(named name: String, shape: [Int]) throws -> Tensor
    /// A weight matrix, mapped where the source allows.
    func weights(_ name: String, shape: [Int]) throws -> Weights
}

extension CTranslate2File: WeightSource {
    func shape(of name: String) -> [Int]? { variable(name)?.shape }

    func tensor(named name: String, shape: [Int]) throws -> Tensor { try tensor(name, shape: shape) }

    func weights(_ name: String, shape: [Int]) throws -> Weights {
        Weights(try tensor(named: name, shape: shape))
    }
}

/// A `model.bin` read through, keeping every tensor and scalar the model asked for, in order,
/// so that `MappedWeights.write` can lay them out as the model computes with them.
final class RecordingWeightSource: WeightSource {
    let file: CTranslate2File
    private(set) var tensors: [(name: String, tensor: Tensor)] = []

    init(_ file: CTranslate2File) { self.file = file }

    var path: String { file.path }

    func shape(of name: String) -> [Int]? { file.shape(of: name) }

    func scalar(_ name: String) -> Int? {
        let value = file.scalar(name)
        if let value, let exact = Float(exactly: value), let t = try? Tensor(shape: [1], data: [exact]) {
            tensors.append((name, t))
        }
        return value
    }

    func tensor(named name: String, shape: [Int]) throws -> Tensor {
        let t = try file.tensor(name, shape: shape)
        tensors.append((name, t))
        return t
    }

    func weights(_ name: String, shape: [Int]) throws -> Weights {
        Weights(try tensor(named: name, shape: shape))
    }
}
