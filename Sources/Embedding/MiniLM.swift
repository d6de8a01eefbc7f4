import Foundation
import Tensor

/// Sentence embeddings with all-MiniLM-L6-v2: WordPiece ids -> BERT encoder -> mean pooling
/// over the tokens -> L2 normalisation, as sentence-transformers computes them.
public struct MiniLM: Sendable {
    public let weights: MiniLMWeights
    public let tokenizer: WordPieceTokenizer
    public var dimension: Int { weights.hidden }

    public init(weights: MiniLMWeights, tokenizer: WordPieceTokenizer) {
        self.weights = weights
        self.tokenizer = tokenizer
    }

    /// Loads `<models>/all-MiniLM-L6-v2`.
    public init(modelsDirectory: String) throws {
        let dir = modelsDirectory + "/all-MiniLM-L6-v2"
        self.init(weights: try MiniLMWeights(directory: dir),
                  tokenizer: try WordPieceTokenizer(vocabularyPath: dir + "/vocab.txt", maxTokens: 256))
    }

    /// The unit-length embedding of `text` (384 floats).
    public func embed(_ text: String) -> [Float] {
        embed(ids: tokenizer.encode(text))
    }

    public func embed(ids: [Int32]) -> [Float] {
        let s = EncoderState(tokens: ids.count, weights: weights)
        encode(ids: ids, state: s)
        return Self.meanPoolNormalised(s.x, tokens: ids.count, hidden: weights.hidden)
    }

    /// Runs the encoder, leaving the last layer's hidden states in `s.x` `[n, hidden]`.
    func encode(ids: [Int32], state s: EncoderState) {
        let w = weights, n = ids.count, h = w.hidden
        embeddings(ids: ids, state: s)
        for layer in w.layers {
            selfAttention(layer, state: s)
            // x = LayerNorm(x + attention)
            VectorOps.add(s.x, into: s.attention, count: n * h)
            VectorOps.layerNorm(s.attention, rows: n, cols: h, gamma: layer.attentionNorm.gamma,
                                beta: layer.attentionNorm.beta, eps: w.layerNormEps, into: s.x)
            mlp(layer, state: s)
        }
    }

    /// word + position + token type (all 0: one segment), then LayerNorm.
    private func embeddings(ids: [Int32], state s: EncoderState) {
        let w = weights, h = w.hidden, n = ids.count
        let sum = s.attention  // [n, h], free until the first attention
        w.wordEmbeddings.withPointer { word in
            w.positionEmbeddings.withPointer { pos in
                w.tokenTypeEmbeddings.withPointer { type in
                    for t in 0..<n {
                        let row = Int(ids[t]), p = min(t, w.maxPositions - 1)
                        for i in 0..<h { sum[t * h + i] = word[row * h + i] + pos[p * h + i] + type[i] }
                    }
                }
            }
        }
        VectorOps.layerNorm(sum, rows: n, cols: h, gamma: w.embeddingNorm.gamma, beta: w.embeddingNorm.beta,
                            eps: w.layerNormEps, into: s.x)
    }

    /// Multi-head self-attention over all tokens (one unpadded sentence: no mask), into `s.attention`.
    private func selfAttention(_ layer: MiniLMWeights.Layer, state s: EncoderState) {
        let n = s.tokens, h = weights.hidden, heads = weights.heads, d = h / heads
        let scale = 1 / Float(d).squareRoot()
        linear(s.x, rows: n, weight: layer.query.weight, bias: layer.query.bias, into: s.q)
        linear(s.x, rows: n, weight: layer.key.weight, bias: layer.key.bias, into: s.k)
        linear(s.x, rows: n, weight: layer.value.weight, bias: layer.value.bias, into: s.v)
        for head in 0..<heads {
            let off = head * d
            // scores[n, n] = Q_h[n, d] · K_h[n, d]ᵀ / √d, heads read in place with stride h
            matmul(s.q + off, lda: h, s.k + off, ldb: h, transposeB: true, s.scores, ldc: n, m: n, n: n, k: d, alpha: scale)
            VectorOps.softmax(s.scores, rows: n, cols: n)
            // context_h[n, d] = scores[n, n] · V_h[n, d]
            matmul(s.scores, lda: n, s.v + off, ldb: h, transposeB: false, s.context + off, ldc: h, m: n, n: d, k: n)
        }
        linear(s.context, rows: n, weight: layer.attentionOutput.weight, bias: layer.attentionOutput.bias, into: s.attention)
    }

    /// x = LayerNorm(x + W2 · gelu(W1 · x)).
    private func mlp(_ layer: MiniLMWeights.Layer, state s: EncoderState) {
        let n = s.tokens, h = weights.hidden, f = weights.intermediateSize
        linear(s.x, rows: n, weight: layer.intermediate.weight, bias: layer.intermediate.bias, into: s.ffn)
        VectorOps.gelu(s.ffn, count: n * f)
        linear(s.ffn, rows: n, weight: layer.output.weight, bias: layer.output.bias, into: s.attention)
        VectorOps.add(s.x, into: s.attention, count: n * h)
        VectorOps.layerNorm(s.attention, rows: n, cols: h, gamma: layer.outputNorm.gamma,
                            beta: layer.outputNorm.beta, eps: weights.layerNormEps, into: s.x)
    }

    /// Mean over tokens (every token is real: one sentence, no padding), then unit length.
    static func meanPoolNormalised(_ x: UnsafePointer<Float>, tokens n: Int, hidden h: Int) -> [Float] {
        var pooled = [Float](repeating: 0, count: h)
        for t in 0..<n { for i in 0..<h { pooled[i] += x[t * h + i] } }
        let norm = pooled.reduce(0) { $0 + $1 * $1 }.squareRoot() / Float(n)
        let scale = 1 / (Float(n) * max(norm, 1e-12))
        return pooled.map { $0 * scale }
    }
}

/// Scratch activations for one sentence, allocated once per call: nothing is allocated
/// inside the layer loop. Raw buffers, because every op takes pointers with strides.
final class EncoderState {
    let tokens: Int
    let x: UnsafeMutablePointer<Float>  // [n, hidden] the residual stream
    let q, k, v: UnsafeMutablePointer<Float>  // [n, hidden]
    let scores: UnsafeMutablePointer<Float>  // [n, n] one head at a time
    let context: UnsafeMutablePointer<Float>  // [n, hidden] heads side by side
    let attention: UnsafeMutablePointer<Float>  // [n, hidden]
    let ffn: UnsafeMutablePointer<Float>  // [n, intermediate]
    private let all: [UnsafeMutablePointer<Float>]

    init(tokens n: Int, weights w: MiniLMWeights) {
        tokens = n
        func buffer(_ count: Int) -> UnsafeMutablePointer<Float> {
            let p = UnsafeMutablePointer<Float>.allocate(capacity: max(1, count))
            p.initialize(repeating: 0, count: max(1, count))
            return p
        }
        let nh = n * w.hidden
        x = buffer(nh); q = buffer(nh); k = buffer(nh); v = buffer(nh)
        context = buffer(nh); attention = buffer(nh)
        scores = buffer(n * n)
        ffn = buffer(n * w.intermediateSize)
        all = [x, q, k, v, context, attention, scores, ffn]
    }

    deinit { for p in all { p.deallocate() } }
}
