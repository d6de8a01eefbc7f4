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

    /// Sums two calls (an answer and its repair).
    public static func + (a: LLMUsage, b: LLMUsage) -> LLMUsage {
        LLMUsage(promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens,
                 latency: a.latency + b.latency, attempts: a.attempts + b.attempts)
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
