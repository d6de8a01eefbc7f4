import Foundation

/// Splits a server-sent-events byte stream into `data:` payloads as the bytes arrive.
/// Both APIs put one JSON object per `data:` line (Anthropic also names the event in an
/// `event:` line, which repeats the JSON's own "type", so it is not needed).
struct ServerSentEvents {
    private var pending = Data()

    /// Feeds bytes; returns the payloads of every complete `data:` line among them.
    mutating func feed(_ bytes: Data) -> [String] {
        pending.append(bytes)
        var payloads: [String] = []
        while let newline = pending.firstIndex(of: 0x0A) {
            var line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
            pending.removeSubrange(pending.startIndex...newline)
            if line.hasSuffix("\r") { line.removeLast() }
            guard line.hasPrefix("data:") else { continue }
            payloads.append(String(line.dropFirst(5)).trimmingCharacters(in: .whitespaces))
        }
        return payloads
    }
}

/// What a streamed answer has delivered so far; filled on the HTTP queue, read after the
/// transfer ends. The lock makes the hand-over between the two explicit.
final class StreamAccumulator: @unchecked Sendable {
    private let lock = NSLock()
    private var events = ServerSentEvents()
    private var text = ""
    private var chunks = 0
    private var promptTokens = 0
    private var completionTokens = 0
    private var streamError: String?
    private let extract: @Sendable (JSONValue) -> StreamPiece
    private let progress: (@Sendable (LLMProgress) -> Void)?

    init(extract: @escaping @Sendable (JSONValue) -> StreamPiece, progress: (@Sendable (LLMProgress) -> Void)?) {
        self.extract = extract
        self.progress = progress
    }

    func feed(_ bytes: Data) {
        let update: LLMProgress? = lock.withLock {
            var grew = false
            for payload in events.feed(bytes) where payload != "[DONE]" {
                guard let json = JSONValue.parse(payload) else { continue }
                let piece = extract(json)
                if let delta = piece.text, !delta.isEmpty { text += delta; chunks += 1; grew = true }
                if let p = piece.promptTokens { promptTokens = p }
                if let c = piece.completionTokens { completionTokens = c }
                if let e = piece.error { streamError = e }
            }
            return grew ? LLMProgress(characters: text.count, chunks: chunks) : nil
        }
        if let update { progress?(update) }
    }

    var result: (text: String, prompt: Int, completion: Int, error: String?) {
        lock.withLock { (text, promptTokens, completionTokens, streamError) }
    }
}

/// What one streamed event contributes.
struct StreamPiece: Sendable {
    var text: String?
    var promptTokens: Int?
    var completionTokens: Int?
    var error: String?
}
