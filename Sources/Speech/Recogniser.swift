import Dispatch
import Synchronization
import Whisper

/// Turns one utterance's samples into text for the live transcriber: Whisper in the product,
/// a stand-in in tests that need a recogniser of a known speed.
public protocol Recogniser: Sendable {
    /// `final` asks for the utterance's text to keep; otherwise a quick partial look that the
    /// final replaces. Throws `CancellationError` when the calling task is cancelled.
    func recognise(_ samples: [Float], prompt: String?, final: Bool) async throws -> String
    /// The spoken language the recogniser detected and now keeps to ("de"), once it has; nil
    /// before that, and when the language was given rather than detected.
    var detectedLanguage: String? { get }
}

extension Recogniser {
    public var detectedLanguage: String? { nil }
}

/// Whisper on a serial dispatch queue of its own: a decode is seconds of CPU that must not
/// block the cooperative threads the screen and capture run on.
final class WhisperRecogniser: Recogniser, @unchecked Sendable {
    // @unchecked: `session` is touched only on `queue`.
    private var session: WhisperSession
    private let queue = DispatchQueue(label: "mockpilot.whisper")
    private let partialWindowMargin: Double
    private let finalWindowMargin: Double?
    private let fallbackTimeLimit: Double?
    /// The language detection settled on, written on `queue` and read by the recognition loop.
    private let pinned = Mutex<String?>(nil)

    init(model: WhisperModel, options: TranscriptionOptions, partialWindowMargin: Double, finalWindowMargin: Double?,
         fallbackTimeLimit: Double?) {
        session = WhisperSession(model: model, options: options)
        self.partialWindowMargin = partialWindowMargin
        self.finalWindowMargin = finalWindowMargin
        self.fallbackTimeLimit = fallbackTimeLimit
    }

    /// A partial is a quick greedy look (no temperature fallback, one pass, an encoder window
    /// just longer than the audio instead of 30 s, nothing shown that Whisper itself would
    /// retry): the final that follows gets the full treatment, and must not wait long behind it.
    /// Cancelling the calling task stops the decode at its next token (through the session's
    /// flag: the dispatch queue is outside the task tree), so quitting never waits for it.
    func recognise(_ samples: [Float], prompt: String?, final: Bool) async throws -> String {
        let flag = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                queue.async {
                    self.session.cancellation = flag
                    continuation.resume(with: Result { try self.decodeAll(samples, prompt: prompt, final: final) })
                }
            }
        } onCancel: {
            flag.cancel()
        }
    }

    /// Whisper sometimes closes a zero-padded window after its first sentence and skips the
    /// rest; a second or more of audio past the last timestamp is decoded again.
    private func decodeAll(_ samples: [Float], prompt: String?, final: Bool) throws -> String {
        session.options.prompt = prompt
        session.options.temperatureFallback = final
        session.options.fallbackTimeLimit = fallbackTimeLimit
        let seconds = Double(samples.count) / 16_000
        session.options.window = final ? finalWindowMargin.map { min(30, seconds + $0) } : seconds + partialWindowMargin
        var texts: [String] = []
        var start = 0
        for _ in 0..<(final ? 4 : 1) {
            let piece = Array(samples[start...])
            let segments = try session.transcribe(piece, offset: 0)
            if final { pinDetectedLanguage() }
            texts += segments.filter { final || !$0.isDoubtful }.map(\.text)
            let covered = Int((segments.map(\.end).max() ?? 0) * 16_000)
            guard covered > 0, piece.count - covered > 16_000 else { break }
            start += covered
        }
        return texts.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    var detectedLanguage: String? { pinned.withLock { $0 } }

    /// With "auto", the first final whose language the model is fairly sure of (over half the
    /// probability, as faster-whisper's detection threshold) fixes the language for the rest of
    /// the meeting: a meeting keeps one language, and a partial of half a second, or a one-word
    /// final, is too little to tell it by.
    private func pinDetectedLanguage() {
        guard session.options.detectsLanguage, let heard = session.detectedLanguage, heard.probability > 0.5 else { return }
        session.options.language = heard.code
        pinned.withLock { $0 = heard.code }
    }
}
