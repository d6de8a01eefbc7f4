import Tensor

/// Whisper's text decoder: token plus position embeddings, pre-LN blocks of causal
/// self-attention (keys and values cached per position), cross-attention to the audio
/// and an MLP, then a final layer norm and the tied output projection (the token
/// embedding transposed).
enum Decoder {
    /// Runs `tokens` at positions `start ..< start + tokens.count`, appending their keys
    /// and values to the cache. Hidden states stay in `state.tx` for `logits(row:)`.
    static func forward(model: WhisperModel, state s: InferenceState, tokens: UnsafeBufferPointer<Int>, start: Int) {
        let d = model.dims.nTextState, n = tokens.count
        precondition(start + n <= model.dims.nTextCtx, "decoder context overflow")
        model.textPositions.withPointer { pos in
            for i in 0..<n {
                let row = s.tx.pointer + i * d, p = pos + (start + i) * d
                model.tokenEmbedding.copyRow(tokens[i], into: row)
                for j in 0..<d { row[j] += p[j] }
            }
        }
        for (l, layer) in model.decoderLayers.enumerated() {
            selfAttention(layer, layerIndex: l, dims: model.dims, state: s, rows: n, start: start)
            crossAttention(layer, layerIndex: l, dims: model.dims, state: s, rows: n)
            mlp(layer, dims: model.dims, state: s, rows: n)
        }
    }

    /// Logits `[n_vocab]` of hidden row `row` of the last `forward`, into `state.logits`.
    static func logits(model: WhisperModel, state s: InferenceState, row: Int) {
        let d = model.dims.nTextState
        Encoder.layerNorm(s.tx.pointer + row * d, rows: 1, model.decoderLN, into: s.th.pointer)
        linear(s.th.pointer, rows: 1, weight: model.tokenEmbedding, bias: nil, into: s.logits.pointer)
    }

    /// x += Attention(LN(x)) over this and all earlier positions.
    static func selfAttention(_ layer: WhisperModel.DecoderLayer, layerIndex l: Int, dims: WhisperModel.Dimensions,
                              state s: InferenceState, rows n: Int, start: Int) {
        let d = dims.nTextState
        Encoder.layerNorm(s.tx.pointer, rows: n, layer.attnLN, into: s.th.pointer)
        linear(s.th.pointer, rows: n, weight: layer.attnQKV.weight, bias: layer.attnQKV.bias, into: s.tqkv.pointer)
        // Append this step's keys and values to the cache [T, 2d].
        let cache = s.selfKV[l].pointer
        for i in 0..<n {
            (cache + (start + i) * 2 * d).update(from: s.tqkv.pointer + i * 3 * d + d, count: 2 * d)
        }
        Attention.multiHead(
            q: s.tqkv.pointer, ldq: 3 * d, k: cache, ldk: 2 * d, v: cache + d, ldv: 2 * d,
            nq: n, nk: start + n, heads: dims.nTextHead, headDim: d / dims.nTextHead, causalOffset: start,
            scores: s.scores.pointer, out: s.tattn.pointer)
        linear(s.tattn.pointer, rows: n, weight: layer.attnOut.weight, bias: layer.attnOut.bias, into: s.th.pointer)
        VectorOps.add(s.th.pointer, into: s.tx.pointer, count: n * d)
    }

    /// x += Attention(LN(x) → audio), with the audio's keys and values from the encoder.
    static func crossAttention(_ layer: WhisperModel.DecoderLayer, layerIndex l: Int, dims: WhisperModel.Dimensions,
                               state s: InferenceState, rows n: Int) {
        let d = dims.nTextState
        Encoder.layerNorm(s.tx.pointer, rows: n, layer.crossLN, into: s.th.pointer)
        linear(s.th.pointer, rows: n, weight: layer.crossQ.weight, bias: layer.crossQ.bias, into: s.tqkv.pointer)
        let kv = s.crossKV[l].pointer
        Attention.multiHead(
            q: s.tqkv.pointer, ldq: d, k: kv, ldk: 2 * d, v: kv + d, ldv: 2 * d,
            nq: n, nk: s.audioFrames, heads: dims.nTextHead, headDim: d / dims.nTextHead, causalOffset: nil,
            scores: s.scores.pointer, out: s.tattn.pointer)
        linear(s.tattn.pointer, rows: n, weight: layer.crossOut.weight, bias: layer.crossOut.bias, into: s.th.pointer)
        VectorOps.add(s.th.pointer, into: s.tx.pointer, count: n * d)
    }

    /// x += W2 · gelu(W1 · LN(x))
    static func mlp(_ layer: WhisperModel.DecoderLayer, dims: WhisperModel.Dimensions, state s: InferenceState, rows n: Int) {
        let d = dims.nTextState
        Encoder.layerNorm(s.tx.pointer, rows: n, layer.mlpLN, into: s.th.pointer)
        linear(s.th.pointer, rows: n, weight: layer.fc1.weight, bias: layer.fc1.bias, into: s.thidden.pointer)
        VectorOps.gelu(s.thidden.pointer, count: n * 4 * d)
        linear(s.thidden.pointer, rows: n, weight: layer.fc2.weight, bias: layer.fc2.bias, into: s.th.pointer)
        VectorOps.add(s.th.pointer, into: s.tx.pointer, count: n * d)
    }
}
