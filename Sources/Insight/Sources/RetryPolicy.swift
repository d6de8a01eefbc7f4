import Foundation
import Net

/// How remote sources retry: what is retryable (429, 5xx, timeouts, dropped connections),
/// how long to wait (server's reset header first, else exponential backoff), and how often.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var baseDelay: Double
    /// No single wait is longer than this, whatever a server's reset header says.
    public var maxDelay: Double
    /// Waits `seconds`; injected so tests can record waits instead of sleeping.
    public var sleep: @Sendable (Double) async throws -> Void

    public init(maxAttempts: Int = 4, baseDelay: Double = 1, maxDelay: Double = 60,
                sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .seconds($0)) }) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.sleep = sleep
    }

    public static func isRetryable(status: Int) -> Bool { status == 429 || (500...599).contains(status) }

    /// The wait before attempt `attempt + 1`: the server's `X-Ratelimit-Reset`/`Retry-After`
    /// when it gave one, else baseDelay * 2^(attempt-1), capped.
    public func delay(afterAttempt attempt: Int, response: HTTPResponse?) -> Double {
        if let response, let reset = (response.header("x-ratelimit-reset") ?? response.header("retry-after")).flatMap(Double.init) {
            return min(maxDelay, max(0, reset))
        }
        return min(maxDelay, baseDelay * pow(2, Double(attempt - 1)))
    }

    /// Sends `request` until it gets a non-retryable answer or attempts run out. Returns the
    /// last response (the caller decides what a 4xx means); throws transport errors that persist.
    public func send(_ request: HTTPRequest, with client: HTTPClient, source: String) async throws -> HTTPResponse {
        var attempt = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            do {
                let response = try await client.send(request)
                guard Self.isRetryable(status: response.status), attempt < maxAttempts else { return response }
                try await sleep(delay(afterAttempt: attempt, response: response))
            } catch let error as NetError where error.isTransient {
                guard attempt < maxAttempts else {
                    throw InsightError.unavailable(source: source, reason: error.localizedDescription, attempts: attempt)
                }
                try await sleep(delay(afterAttempt: attempt, response: nil))
            }
        }
    }
}
