import Foundation
import Tensor

/// all-MiniLM-L6-v2's weights (a 6-layer, 384-wide BERT), loaded once and shared read-only.
public struct MiniLMWeights: Sendable {
    public struct Layer: Sendable {
        public let query, key, value: (weight: Tensor, bias: Tensor)  // [384, 384], [384]
        public let attentionOutput: (weight: Tensor, bias: Tensor)  // [384, 384]
        public let attentionNorm: (gamma: Tensor, beta: Tensor)
        public let intermediate: (weight: Tensor, bias: Tensor)  // [1536, 384]
        public let output: (weight: Tensor, bias: Tensor)  // [384, 1536]
        public let outputNorm: (gamma: Tensor, beta: Tensor)
    }

    public let hidden: Int
    public let heads: Int
    public let intermediateSize: Int
    public let maxPositions: Int
    public let layerNormEps: Float
    public let wordEmbeddings: Tensor  // [vocab, hidden]
    public let positionEmbeddings: Tensor  // [maxPositions, hidden]
    public let tokenTypeEmbeddings: Tensor  // [2, hidden]
    public let embeddingNorm: (gamma: Tensor, beta: Tensor)
    public let layers: [Layer]

    /// Reads `config.json` and `model.safetensors` from the model directory.
    public init(directory: String) throws {
        let configPath = directory + "/config.json"
        guard let configData = FileManager.default.contents(atPath: configPath) else { throw EmbeddingError.missingFile(path: configPath) }
        struct Config: Decodable {
            var hidden_size: Int
            var num_attention_heads: Int
            var num_hidden_layers: Int
            var intermediate_size: Int
            var max_position_embeddings: Int
            var vocab_size: Int
            var layer_norm_eps: Double?
            var type_vocab_size: Int?
        }
        guard let c = try? JSONDecoder().decode(Config.self, from: configData) else {
            throw EmbeddingError.badTensor(name: "config.json", reason: "missing BERT sizes")
        }
        let file = try SafeTensors(path: directory + "/model.safetensors")
        let h = c.hidden_size, f = c.intermediate_size
        func linear(_ name: String, _ rows: Int, _ cols: Int) throws -> (weight: Tensor, bias: Tensor) {
            (try file.tensor(name + ".weight", shape: [rows, cols]), try file.tensor(name + ".bias", shape: [rows]))
        }
        func norm(_ name: String) throws -> (gamma: Tensor, beta: Tensor) {
            (try file.tensor(name + ".weight", shape: [h]), try file.tensor(name + ".bias", shape: [h]))
        }
        hidden = h
        heads = c.num_attention_heads
        intermediateSize = f
        maxPositions = c.max_position_embeddings
        layerNormEps = Float(c.layer_norm_eps ?? 1e-12)
        wordEmbeddings = try file.tensor("embeddings.word_embeddings.weight", shape: [c.vocab_size, h])
        positionEmbeddings = try file.tensor("embeddings.position_embeddings.weight", shape: [c.max_position_embeddings, h])
        tokenTypeEmbeddings = try file.tensor("embeddings.token_type_embeddings.weight", shape: [c.type_vocab_size ?? 2, h])
        embeddingNorm = try norm("embeddings.LayerNorm")
        layers = try (0..<c.num_hidden_layers).map { i in
            let p = "encoder.layer.\(i)."
            return Layer(
                query: try linear(p + "attention.self.query", h, h),
                key: try linear(p + "attention.self.key", h, h),
                value: try linear(p + "attention.self.value", h, h),
                attentionOutput: try linear(p + "attention.output.dense", h, h),
                attentionNorm: try norm(p + "attention.output.LayerNorm"),
                intermediate: try linear(p + "intermediate.dense", f, h),
                output: try linear(p + "output.dense", h, f),
                outputNorm: try norm(p + "output.LayerNorm"))
        }
    }
}
