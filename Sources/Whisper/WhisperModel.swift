import Foundation
import Tensor

/// Whisper's weights, float32 and never changed, so one model serves any number of sessions:
/// mapped from `model.f32` when there is one for this `model.bin`, else converted from it at
/// load and written to `model.f32` for the next time (best effort: a read-only folder just
/// loads the slow way each time). Dimensions come from the file, so any size
/// (tiny to large-v3, English-only or multilingual) loads the same way.
public final class WhisperModel: Sendable {
    /// The model's sizes, read from the tensors' shapes.
    public struct Dimensions: Sendable, Equatable {
        public let nMels: Int          // 80, or 128 for large-v3
        public let nAudioCtx: Int      // 1500 encoder positions = 30 s
        public let nAudioState: Int
        public let nAudioHead: Int
        public let nAudioLayer: Int
        public let nVocab: Int
        public let nTextCtx: Int       // 448 decoder positions
        public let nTextState: Int
        public let nTextHead: Int
        public let nTextLayer: Int
    }

    struct Linear: Sendable {
        let weight: Weights  // [n_out, n_in]
        let bias: Tensor?    // [n_out]
    }

    struct LayerNorm: Sendable {
        let gamma: Tensor    // [n_state]
        let beta: Tensor     // [n_state]
    }

    struct EncoderLayer: Sendable {
        let attnLN: LayerNorm
        let attnQKV: Linear  // [3 * n_state, n_state]: query, key, value stacked
        let attnOut: Linear  // [n_state, n_state]
        let mlpLN: LayerNorm
        let fc1: Linear      // [4 * n_state, n_state]
        let fc2: Linear      // [n_state, 4 * n_state]
    }

    struct DecoderLayer: Sendable {
        let attnLN: LayerNorm
        let attnQKV: Linear  // [3 * n_state, n_state]
        let attnOut: Linear
        let crossLN: LayerNorm
        let crossQ: Linear   // [n_state, n_state]
        let crossKV: Linear  // [2 * n_state, n_state]: key, value stacked (applied to the audio)
        let crossOut: Linear
        let mlpLN: LayerNorm
        let fc1: Linear
        let fc2: Linear
    }

    public let name: String
    public let directory: String
    public let dims: Dimensions
    public let tokenizer: Tokenizer
    /// Tokens never sampled (`suppress_ids` in config.json) and those not allowed first.
    let suppressTokens: [Int]
    let suppressAtBegin: [Int]

    let conv1: Linear        // weight [n_state, n_mels * 3]: a kernel-3 convolution as a matmul
    let conv2: Linear        // weight [n_state, n_state * 3], stride 2
    let audioPositions: Weights // [n_audio_ctx, n_state]
    let encoderLayers: [EncoderLayer]
    let encoderLN: LayerNorm
    let tokenEmbedding: Weights // [n_vocab, n_state], also the output projection
    let textPositions: Weights  // [n_text_ctx, n_state]
    let decoderLayers: [DecoderLayer]
    let decoderLN: LayerNorm

    /// Loads `model.bin`, `config.json` and `vocabulary.txt` (and `tokenizer.json` for
    /// prompts) from a CTranslate2 Whisper folder such as faster-whisper uses.
    public static func load(directory: String) throws -> WhisperModel {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw WhisperError.modelMissing(path: directory)
        }
        return try WhisperModel(directory: directory)
    }

    private init(directory: String) throws {
        self.directory = directory
        name = URL(fileURLWithPath: directory).standardizedFileURL.lastPathComponent
        let binPath = directory + "/model.bin", mappedPath = directory + "/model.f32"
        let file: any WeightSource
        var recording: RecordingWeightSource?
        if let mapped = MappedWeights.open(path: mappedPath, sourcePath: binPath) {
            file = mapped
        } else {
            let source = try CTranslate2File(path: binPath)
            guard source.specName.isEmpty || source.specName == "WhisperSpec" else {
                throw WhisperError.modelCorrupt(path: binPath, reason: "holds a \(source.specName), not a WhisperSpec")
            }
            recording = RecordingWeightSource(source)
            file = recording ?? source
        }
        let tokenizerJSON = directory + "/tokenizer.json"
        tokenizer = try Tokenizer(
            vocabularyPath: directory + "/vocabulary.txt",
            tokenizerJSONPath: FileManager.default.fileExists(atPath: tokenizerJSON) ? tokenizerJSON : nil)

        func shape(_ n: String) throws -> [Int] {
            guard let v = file.shape(of: n) else { throw WhisperError.modelCorrupt(path: binPath, reason: "missing tensor \(n)") }
            return v
        }
        func layerCount(_ prefix: String) -> Int {
            var n = 0
            while file.shape(of: "\(prefix)/layer_\(n)/ffn/linear_0/weight") != nil { n += 1 }
            return n
        }
        let conv1Shape = try shape("encoder/conv1/weight")         // [n_state, n_mels, 3]
        let audioPos = try shape("encoder/position_encodings/encodings")
        let embed = try shape("decoder/embeddings/weight")
        let textPos = try shape("decoder/position_encodings/encodings")
        guard conv1Shape.count == 3, conv1Shape[2] == 3, audioPos.count == 2, embed.count == 2, textPos.count == 2 else {
            throw WhisperError.modelCorrupt(path: binPath, reason: "unexpected shapes for conv1 \(conv1Shape) or embeddings \(embed)")
        }
        let nAudioState = conv1Shape[0], nTextState = embed[1]
        dims = Dimensions(
            nMels: conv1Shape[1], nAudioCtx: audioPos[0], nAudioState: nAudioState,
            nAudioHead: file.scalar("encoder/num_heads") ?? nAudioState / 64,
            nAudioLayer: layerCount("encoder"),
            nVocab: embed[0], nTextCtx: textPos[0], nTextState: nTextState,
            nTextHead: file.scalar("decoder/num_heads") ?? nTextState / 64,
            nTextLayer: layerCount("decoder"))
        // Heads are checked before they divide anything: a damaged count must not trap.
        guard dims.nAudioLayer > 0, dims.nTextLayer > 0, nAudioState == nTextState, nAudioState > 0,
              dims.nAudioHead > 0, dims.nTextHead > 0,
              nAudioState % dims.nAudioHead == 0, nTextState % dims.nTextHead == 0 else {
            throw WhisperError.modelCorrupt(path: binPath, reason: "inconsistent dimensions \(dims)")
        }
        guard tokenizer.vocabularySize == dims.nVocab else {
            throw WhisperError.modelCorrupt(path: directory + "/vocabulary.txt",
                                            reason: "\(tokenizer.vocabularySize) tokens for a model with \(dims.nVocab)")
        }

        let d = nAudioState
        // half: a decoder weight, read one row at a time, also keeps its float16 values.
        func linear(_ p: String, _ nOut: Int, _ nIn: Int, bias: Bool = true, half: Bool = false) throws -> Linear {
            let w = try file.weights(p + "/weight", shape: [nOut, nIn], half: half ? .beside : .none)
            let b = bias || file.shape(of: p + "/bias") != nil ? try file.tensor(named: p + "/bias", shape: [nOut]) : nil
            return Linear(weight: w, bias: b)
        }
        func norm(_ p: String) throws -> LayerNorm {
            LayerNorm(gamma: try file.tensor(named: p + "/gamma", shape: [d]), beta: try file.tensor(named: p + "/beta", shape: [d]))
        }
        // Convolution weights [n_out, n_in, 3] are already laid out as [n_out, n_in * 3].
        let c1 = try file.weights("encoder/conv1/weight", shape: [d, dims.nMels, 3])
        conv1 = Linear(weight: c1.reshaped([d, dims.nMels * 3]),
                       bias: try file.tensor(named: "encoder/conv1/bias", shape: [d]))
        let c2 = try file.weights("encoder/conv2/weight", shape: [d, d, 3])
        conv2 = Linear(weight: c2.reshaped([d, d * 3]),
                       bias: try file.tensor(named: "encoder/conv2/bias", shape: [d]))
        audioPositions = try file.weights("encoder/position_encodings/encodings", shape: [dims.nAudioCtx, d])
        encoderLayers = try (0..<dims.nAudioLayer).map { i in
            let p = "encoder/layer_\(i)"
            return EncoderLayer(
                attnLN: try norm(p + "/self_attention/layer_norm"),
                attnQKV: try linear(p + "/self_attention/linear_0", 3 * d, d),
                attnOut: try linear(p + "/self_attention/linear_1", d, d),
                mlpLN: try norm(p + "/ffn/layer_norm"),
                fc1: try linear(p + "/ffn/linear_0", 4 * d, d),
                fc2: try linear(p + "/ffn/linear_1", d, 4 * d))
        }
        encoderLN = try norm("encoder/layer_norm")
        tokenEmbedding = try file.weights("decoder/embeddings/weight", shape: [dims.nVocab, d], half: .instead)
        textPositions = try file.weights("decoder/position_encodings/encodings", shape: [dims.nTextCtx, d])
        decoderLayers = try (0..<dims.nTextLayer).map { i in
            let p = "decoder/layer_\(i)"
            return DecoderLayer(
                attnLN: try norm(p + "/self_attention/layer_norm"),
                attnQKV: try linear(p + "/self_attention/linear_0", 3 * d, d, half: true),
                attnOut: try linear(p + "/self_attention/linear_1", d, d, half: true),
                crossLN: try norm(p + "/attention/layer_norm"),
                crossQ: try linear(p + "/attention/linear_0", d, d, half: true),
                crossKV: try linear(p + "/attention/linear_1", 2 * d, d),
                crossOut: try linear(p + "/attention/linear_2", d, d, half: true),
                mlpLN: try norm(p + "/ffn/layer_norm"),
                fc1: try linear(p + "/ffn/linear_0", 4 * d, d, half: true),
                fc2: try linear(p + "/ffn/linear_1", d, 4 * d, half: true))
        }
        decoderLN = try norm("decoder/layer_norm")

        let config = try Self.readConfig(directory + "/config.json")
        suppressTokens = config.suppress
        suppressAtBegin = config.suppressBegin
        if let recording, let identity = FileIdentity(path: binPath) {
            try? MappedWeights.write(recording.tensors, halves: recording.halves,
                                      replacedByHalf: recording.replacedByHalf, to: mappedPath, source: identity)
        }
    }

    private static func readConfig(_ path: String) throws -> (suppress: [Int], suppressBegin: [Int]) {
        guard let data = FileManager.default.contents(atPath: path) else { throw WhisperError.modelMissing(path: path) }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw WhisperError.modelCorrupt(path: path, reason: "not a JSON object")
        }
        return ((root["suppress_ids"] as? [Int]) ?? [], (root["suppress_ids_begin"] as? [Int]) ?? [])
    }
}
