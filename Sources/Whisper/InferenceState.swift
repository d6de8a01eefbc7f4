import Foundation
import Tensor

/// One float buffer of zeros allocated once and freed with its owner. calloc, not allocate and
/// fill: large buffers come as untouched zero pages, so a session costs no time until it runs
/// (filling 64 MB of buffers was a sixth of start-up).
final class Buffer {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int

    init(_ count: Int) {
        self.count = max(1, count)
        guard let raw = calloc(self.count, MemoryLayout<Float>.stride) else {
            preconditionFailure("out of memory allocating \(self.count) floats")
        }
        pointer = raw.bindMemory(to: Float.self, capacity: self.count)
    }

    deinit { free(pointer) }
}

/// Everything one stream needs while running the model: input window, activations,
/// the decoder's key/value caches and the logits. Allocated up front for the model's
/// largest shapes, so encoding a window and decoding tokens allocate nothing.
final class InferenceState {
    let dims: WhisperModel.Dimensions
    /// Encoder positions in use for the current window: n_audio_ctx (30 s) unless the
    /// caller asked for a shorter window. The buffers below keep their full size.
    var audioFrames: Int

    // Encoder (F = 2 * n_audio_ctx mel frames, A = n_audio_ctx, d = n_state).
    let mel: Buffer        // [F, n_mels], one 30 s window, time-major
    let columns: Buffer    // [F, n_mels * 3] or [A, d * 3]: convolution inputs unrolled
    let conv: Buffer       // [F, d]
    let x: Buffer          // [A, d] residual stream
    let h: Buffer          // [A, d] normalised / projected activations
    let qkv: Buffer        // [A, 3d]
    let scores: Buffer     // [max(A, T), max(A, T)] one head's attention weights
    let attn: Buffer       // [A, d]
    let hidden: Buffer     // [A, 4d] MLP hidden layer
    let audio: Buffer      // [A, d] encoder output

    // Decoder (T = n_text_ctx).
    let selfKV: [Buffer]   // per layer [T, 2d]: keys then values of every position so far
    let crossKV: [Buffer]  // per layer [A, 2d]: keys and values of the audio, once per window
    let tx: Buffer         // [T, d]
    let th: Buffer         // [T, d]
    let tqkv: Buffer       // [T, 3d]
    let tattn: Buffer      // [T, d]
    let thidden: Buffer    // [T, 4d]
    let logits: Buffer     // [n_vocab]
    let logProbs: Buffer   // [n_vocab]

    init(dims: WhisperModel.Dimensions) {
        self.dims = dims
        audioFrames = dims.nAudioCtx
        let f = 2 * dims.nAudioCtx, a = dims.nAudioCtx, d = dims.nAudioState, t = dims.nTextCtx
        mel = Buffer(f * dims.nMels)
        columns = Buffer(max(f * dims.nMels * 3, a * d * 3))
        conv = Buffer(f * d)
        x = Buffer(a * d)
        h = Buffer(a * d)
        qkv = Buffer(a * 3 * d)
        scores = Buffer(max(a, t) * max(a, t))
        attn = Buffer(a * d)
        hidden = Buffer(a * 4 * d)
        audio = Buffer(a * d)
        selfKV = (0..<dims.nTextLayer).map { _ in Buffer(t * 2 * d) }
        crossKV = (0..<dims.nTextLayer).map { _ in Buffer(a * 2 * d) }
        tx = Buffer(t * d)
        th = Buffer(t * d)
        tqkv = Buffer(t * 3 * d)
        tattn = Buffer(t * d)
        thidden = Buffer(t * 4 * d)
        logits = Buffer(dims.nVocab)
        logProbs = Buffer(dims.nVocab)
    }
}
