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
        var state = EncoderState(tokens: ids.count, weights: weights)
        let hiddenStates = encode(ids: ids, state: &state)
        return Self.meanPoolNormalised(hiddenStates, tokens: ids.count, hidden: weights.hidden)
    }

    /// Runs the encoder; returns the last layer's hidden states `[n, hidden]`.
    func encode(ids: [Int32], state s: inout EncoderState) -> [Float] {
        let w = weights, n = ids.count, h = w.hidden
        embeddings(ids: ids, into: &s.x)
        for layer in w.layers {
            selfAttention(layer, state: &s)
            // x = LayerNorm(x + attention)
            s.x.withUnsafeMutableBufferPointer { x in
                s.attention.withUnsafeMutableBufferPointer { a in
                    VectorOps.add(x.baseAddress!, into: a.baseAddress!, count: n * h)
                    VectorOps.layerNorm(a.baseAddress!, rows: n, cols: h, gamma: layer.attentionNorm.gamma,
                                        beta: layer.attentionNorm.beta, eps: w.layerNormEps, into: x.baseAddress!)
                }
            }
            mlp(layer, state: &s)
        }
        return s.x
    }

    /// word + position + token type (all 0: one segment), then LayerNorm.
    private func embeddings(ids: [Int32], into x: inout [Float]) {
        let w = weights, h = w.hidden, n = ids.count
        var sum = [Float](repeating: 0, count: n * h)  // [n, h]
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
        sum.withUnsafeBufferPointer { src in
            x.withUnsafeMutableBufferPointer { dst in
                VectorOps.layerNorm(src.baseAddress!, rows: n, cols: h, gamma: w.embeddingNorm.gamma,
                                    beta: w.embeddingNorm.beta, eps: w.layerNormEps, into: dst.baseAddress!)
            }
        }
    }

    /// Multi-head self-attention over all tokens (one unpadded sentence: no mask), into `s.attention`.
    private func selfAttention(_ layer: MiniLMWeights.Layer, state s: inout EncoderState) {
        let n = s.tokens, h = weights.hidden, heads = weights.heads, d = h / heads
        let scale = 1 / Float(d).squareRoot()
        s.x.withUnsafeBufferPointer { xb in
            let x = xb.baseAddress!
            s.q.withUnsafeMutableBufferPointer { linear(x, rows: n, weight: layer.query.weight, bias: layer.query.bias, into: $0.baseAddress!) }
            s.k.withUnsafeMutableBufferPointer { linear(x, rows: n, weight: layer.key.weight, bias: layer.key.bias, into: $0.baseAddress!) }
            s.v.withUnsafeMutableBufferPointer { linear(x, rows: n, weight: layer.value.weight, bias: layer.value.bias, into: $0.baseAddress!) }
        }
        s.q.withUnsafeBufferPointer { qb in
            s.k.withUnsafeBufferPointer { kb in
                s.v.withUnsafeBufferPointer { vb in
                    s.scores.withUnsafeMutableBufferPointer { sb in
                        s.context.withUnsafeMutableBufferPointer { cb in
                            for head in 0..<heads {
                                let off = head * d
                                // scores[n, n] = Q_h[n, d] · K_h[n, d]ᵀ / √d
                                matmul(qb.baseAddress! + off, lda: h, kb.baseAddress! + off, ldb: h, transposeB: true,
                                       sb.baseAddress!, ldc: n, m: n, n: n, k: d, alpha: scale)
                                VectorOps.softmax(sb.baseAddress!, rows: n, cols: n)
                                // context_h[n, d] = scores[n, n] · V_h[n, d]
                                matmul(sb.baseAddress!, lda: n, vb.baseAddress! + off, ldb: h, transposeB: false,
                                       cb.baseAddress! + off, ldc: h, m: n, n: d, k: n)
                            }
                        }
                    }
                }
            }
        }
        s.context.withUnsafeBufferPointer { cb in
            s.attention.withUnsafeMutableBufferPointer {
                linear(cb.baseAddress!, rows: n, weight: layer.attentionOutput.weight, bias: layer.attentionOutput.bias, into: $0.baseAddress!)
            }
        }
    }

    /// x = LayerNorm(x + W2 · gelu(W1 · x)).
    private func mlp(_ layer: MiniLMWeights.Layer, state s: inout EncoderState) {
        let n = s.tokens, h = weights.hidden, f = weights.intermediateSize
        s.x.withUnsafeMutableBufferPointer { xb in
            s.ffn.withUnsafeMutableBufferPointer { fb in
                s.attention.withUnsafeMutableBufferPointer { ab in
                    linear(xb.baseAddress!, rows: n, weight: layer.intermediate.weight, bias: layer.intermediate.bias, into: fb.baseAddress!)
                    VectorOps.gelu(fb.baseAddress!, count: n * f)
                    linear(fb.baseAddress!, rows: n, weight: layer.output.weight, bias: layer.output.bias, into: ab.baseAddress!)
                    VectorOps.add(xb.baseAddress!, into: ab.baseAddress!, count: n * h)
                    VectorOps.layerNorm(ab.baseAddress!, rows: n, cols: h, gamma: layer.outputNorm.gamma,
                                        beta: layer.outputNorm.beta, eps: weights.layerNormEps, into: xb.baseAddress!)
                }
            }
        }
    }

    /// Mean over tokens (every token is real: one sentence, no padding), then unit length.
    static func meanPoolNormalised(_ x: [Float], tokens n: Int, hidden h: Int) -> [Float] {
        var pooled = [Float](repeating: 0, count: h)
        for t in 0..<n { for i in 0..<h { pooled[i] += x[t * h + i] } }
        let norm = pooled.reduce(0) { $0 + $1 * $1 }.squareRoot() / Float(n)
        let scale = 1 / (Float(n) * max(norm, 1e-12))
        return pooled.map { $0 * scale }
    }
}

/// Scratch activations for one sentence, allocated once per call: nothing is allocated
/// inside the layer loop.
struct EncoderState {
    let tokens: Int
    var x: [Float]  // [n, hidden] the residual stream
    var q, k, v: [Float]  // [n, hidden]
    var scores: [Float]  // [n, n] one head at a time
    var context: [Float]  // [n, hidden] heads side by side
    var attention: [Float]  // [n, hidden]
    var ffn: [Float]  // [n, intermediate]

    init(tokens n: Int, weights w: MiniLMWeights) {
        tokens = n
        let nh = n * w.hidden
        x = [Float](repeating: 0, count: nh)
        q = x; k = x; v = x; context = x; attention = x
        scores = [Float](repeating: 0, count: n * n)
        ffn = [Float](repeating: 0, count: n * w.intermediateSize)
    }
}
