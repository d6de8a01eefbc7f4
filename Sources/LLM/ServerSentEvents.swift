import Foundation

/// Splits a server-sent-events byte stream into `data:` payloads as the bytes arrive.
/// Both APIs put one JSON object per `data:` line (Anthropic also names the event in an
/// `event:` line, which repeats the JSON's own "type", so it is not needed).
struct ServerSentEvents {
    /// The longest line kept while waiting for its end. A server that never sends a newline
    /// would otherwise grow it without bound, and each piece rescanned it: quadratic time.
    static let longestLine = 4 << 20

    private var pending = Data()
    /// Bytes at the start of `pending` already known to hold no newline.
    private var searched = 0
    /// A line was longer than `longestLine` and was dropped.
    private(set) var overflowed = false

    /// Feeds bytes; returns the payloads of every complete `data:` line among them. Each byte
    /// is scanned once, and what was read is removed once per call.
    mutating func feed(_ bytes: Data) -> [String] {
        pending.append(bytes)
        var payloads: [String] = []
        var lineStart = pending.startIndex
        var from = pending.index(pending.startIndex, offsetBy: searched)
        while let newline = pending[from...].firstIndex(of: 0x0A) {
            var line = String(decoding: pending[lineStart..<newline], as: UTF8.self)
            lineStart = pending.index(after: newline)
            from = lineStart
            if line.hasSuffix("\r") { line.removeLast() }
            guard line.hasPrefix("data:") else { continue }
            payloads.append(String(line.dropFirst(5)).trimmingCharacters(in: .whitespaces))
        }
        pending.removeSubrange(pending.startIndex..<lineStart)
        searched = pending.count
        if pending.count > Self.longestLine {
            overflowed = true
            pending.removeAll()
            searched = 0
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
            if events.overflowed, streamError == nil {
                streamError = "a streamed line was longer than \(ServerSentEvents.longestLine >> 20) MiB"
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
