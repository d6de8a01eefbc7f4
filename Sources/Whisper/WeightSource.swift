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
    /// A weight matrix, mapped where the source allows, with its float16 values as `half` says.
    func weights(_ name: String, shape: [Int], half: HalfCopy) throws -> Weights
}

extension WeightSource {
    func weights(_ name: String, shape: [Int]) throws -> Weights {
        try weights(name, shape: shape, half: .none)
    }
}

/// Whether a weight keeps its float16 values, when the model file holds them exactly so.
enum HalfCopy {
    case none
    /// Beside the float32 ones: a decoder weight, read by one-row steps (float16) and by the
    /// prompt's many rows at once (float32).
    case beside
    /// Instead of them in `model.f32`: the token embedding, only ever read a row at a time.
    case instead
}

extension CTranslate2File: WeightSource {
    func shape(of name: String) -> [Int]? { variable(name)?.shape }

    func tensor(named name: String, shape: [Int]) throws -> Tensor { try tensor(name, shape: shape) }

    func weights(_ name: String, shape: [Int], half: HalfCopy) throws -> Weights {
        Weights(try tensor(named: name, shape: shape), half: half == .none ? nil : halfBits(name))
    }
}

/// A `model.bin` read through, keeping every tensor and scalar the model asked for, in order,
/// so that `MappedWeights.write` can lay them out as the model computes with them.
final class RecordingWeightSource: WeightSource {
    let file: CTranslate2File
    private(set) var tensors: [(name: String, tensor: Tensor)] = []
    /// The float16 copies kept, by the name of the tensor they copy.
    private(set) var halves: [(name: String, bits: [UInt16])] = []
    /// The tensors whose float16 copy stands in for them in `model.f32`.
    private(set) var replacedByHalf: Set<String> = []

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

    func weights(_ name: String, shape: [Int], half copy: HalfCopy) throws -> Weights {
        let half = copy == .none ? nil : file.halfBits(name)
        if let half {
            halves.append((name, half))
            if copy == .instead { replacedByHalf.insert(name) }
        }
        return Weights(try tensor(named: name, shape: shape), half: half)
    }
}
