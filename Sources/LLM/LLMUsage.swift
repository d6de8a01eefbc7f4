import Foundation

/// What one model call cost, for the status line.
public struct LLMUsage: Sendable, Hashable, Codable {
    public var promptTokens: Int
    public var completionTokens: Int
    /// Seconds from the first request to the complete answer, retries included.
    public var latency: Double
    public var attempts: Int

    public init(promptTokens: Int = 0, completionTokens: Int = 0, latency: Double = 0, attempts: Int = 1) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.latency = latency
        self.attempts = attempts
    }

    /// Sums two calls (an answer and its repair); counts stop at Int.max rather than trap.
    public static func + (a: LLMUsage, b: LLMUsage) -> LLMUsage {
        LLMUsage(promptTokens: sum(a.promptTokens, b.promptTokens), completionTokens: sum(a.completionTokens, b.completionTokens),
                 latency: a.latency + b.latency, attempts: sum(a.attempts, b.attempts))
    }

    private static func sum(_ a: Int, _ b: Int) -> Int {
        let (total, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b < 0 ? Int.min : Int.max) : total
    }

    /// No call is counted as more tokens than this: no model reads or writes a billion, and the
    /// meeting's running totals must never overflow.
    public static let mostTokens = 1_000_000_000

    /// A token count as a server wrote it (`usage.prompt_tokens`): a JSON number, which may be
    /// 1e300, negative or a fraction. Not a number or below zero reads as 0; above
    /// `mostTokens` as that.
    static func tokens(_ value: JSONValue?) -> Int {
        guard let n = value?.number, !n.isNaN, n > 0 else { return 0 }
        return n >= Double(mostTokens) ? mostTokens : Int(n.rounded())
    }

    /// `tokens(value)` when the field holds a number at all; nil (nothing said) otherwise.
    static func givenTokens(_ value: JSONValue?) -> Int? {
        value?.number == nil ? nil : tokens(value)
    }

    /// "812+430 tokens, 1.2 s", and ", 2 attempts" when a request had to be retried.
    public var summary: String {
        "\(promptTokens)+\(completionTokens) tokens, \(String(format: "%.1f", latency)) s" + (attempts > 1 ? ", \(attempts) attempts" : "")
    }
}

/// Streaming progress: how much of the answer has arrived.
public struct LLMProgress: Sendable, Hashable {
    public var characters: Int
    public var chunks: Int
}
