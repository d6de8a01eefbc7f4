import Tensor

/// Whisper's audio encoder, top to bottom as in the paper: two convolutions with GELU
/// (the second halves the frame rate), sinusoidal positions, pre-LN transformer blocks,
/// a final layer norm. Reads `state.mel` ([2A, n_mels], A = `state.audioFrames`, 1500 for
/// Whisper's 30 s window), writes `state.audio` ([A, n_state]) and each decoder layer's cross-attention
/// keys and values, which stay fixed while the window's tokens are decoded.
enum Encoder {
    static func encode(model: WhisperModel, state s: InferenceState) {
        let dims = model.dims
        let a = s.audioFrames, frames = 2 * a, d = dims.nAudioState

        // conv1: kernel 3, padding 1 -> [frames, d]
        unfold(s.mel.pointer, rows: frames, channels: dims.nMels, stride: 1, outRows: frames, into: s.columns.pointer)
        linear(s.columns.pointer, rows: frames, weight: model.conv1.weight, bias: model.conv1.bias, into: s.conv.pointer)
        VectorOps.gelu(s.conv.pointer, count: frames * d)
        // conv2: kernel 3, padding 1, stride 2 -> [a, d]
        unfold(s.conv.pointer, rows: frames, channels: d, stride: 2, outRows: a, into: s.columns.pointer)
        linear(s.columns.pointer, rows: a, weight: model.conv2.weight, bias: model.conv2.bias, into: s.x.pointer)
        VectorOps.gelu(s.x.pointer, count: a * d)
        model.audioPositions.withPointer { VectorOps.add($0, into: s.x.pointer, count: a * d) }

        for layer in model.encoderLayers {
            selfAttention(layer, dims: dims, state: s)
            mlp(layer, dims: dims, state: s)
        }
        layerNorm(s.x.pointer, rows: a, model.encoderLN, into: s.audio.pointer)

        // Cross-attention keys and values: [a, 2d] per decoder layer.
        for (l, layer) in model.decoderLayers.enumerated() {
            linear(s.audio.pointer, rows: a, weight: layer.crossKV.weight, bias: layer.crossKV.bias,
                   into: s.crossKV[l].pointer)
        }
    }

    /// x += Attention(LN(x))
    static func selfAttention(_ layer: WhisperModel.EncoderLayer, dims: WhisperModel.Dimensions, state s: InferenceState) {
        let a = s.audioFrames, d = dims.nAudioState
        layerNorm(s.x.pointer, rows: a, layer.attnLN, into: s.h.pointer)
        linear(s.h.pointer, rows: a, weight: layer.attnQKV.weight, bias: layer.attnQKV.bias, into: s.qkv.pointer)
        let q = s.qkv.pointer
        Attention.multiHead(
            q: q, ldq: 3 * d, k: q + d, ldk: 3 * d, v: q + 2 * d, ldv: 3 * d,
            nq: a, nk: a, heads: dims.nAudioHead, headDim: d / dims.nAudioHead, causalOffset: nil,
            scores: s.scores.pointer, out: s.attn.pointer)
        linear(s.attn.pointer, rows: a, weight: layer.attnOut.weight, bias: layer.attnOut.bias, into: s.h.pointer)
        VectorOps.add(s.h.pointer, into: s.x.pointer, count: a * d)
    }

    /// x += W2 · gelu(W1 · LN(x))
    static func mlp(_ layer: WhisperModel.EncoderLayer, dims: WhisperModel.Dimensions, state s: InferenceState) {
        let a = s.audioFrames, d = dims.nAudioState
        layerNorm(s.x.pointer, rows: a, layer.mlpLN, into: s.h.pointer)
        linear(s.h.pointer, rows: a, weight: layer.fc1.weight, bias: layer.fc1.bias, into: s.hidden.pointer)
        Parallel.ranges(a * 4 * d, minimum: 65_536) { part in
            VectorOps.gelu(s.hidden.pointer + part.lowerBound, count: part.count)
        }
        linear(s.hidden.pointer, rows: a, weight: layer.fc2.weight, bias: layer.fc2.bias, into: s.h.pointer)
        VectorOps.add(s.h.pointer, into: s.x.pointer, count: a * d)
    }

    static func layerNorm(_ x: UnsafePointer<Float>, rows: Int, _ norm: WhisperModel.LayerNorm, into y: UnsafeMutablePointer<Float>) {
        VectorOps.layerNorm(x, rows: rows, cols: norm.gamma.count, gamma: norm.gamma, beta: norm.beta, into: y)
    }

    /// Unrolls a kernel-3, padding-1 convolution's inputs so it becomes one matmul:
    /// row t of `[outRows, channels * 3]` holds input rows `stride*t - 1 ... stride*t + 1`
    /// (zero outside), ordered channel-major to match the weight `[n_out, channels, 3]`.
    static func unfold(_ x: UnsafePointer<Float>, rows: Int, channels: Int, stride: Int, outRows: Int,
                       into out: UnsafeMutablePointer<Float>) {
        let width = channels * 3
        for t in 0..<outRows {
            let row = out + t * width
            for k in 0..<3 {
                let src = stride * t + k - 1
                if src < 0 || src >= rows {
                    for c in 0..<channels { row[c * 3 + k] = 0 }
                } else {
                    let input = x + src * channels
                    for c in 0..<channels { row[c * 3 + k] = input[c] }
                }
            }
        }
    }
}
