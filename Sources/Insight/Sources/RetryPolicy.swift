import Foundation
import Net

/// How remote sources retry: what is retryable (429, 5xx, timeouts, dropped connections),
/// how long to wait (server's reset header first, else exponential backoff), and how often.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var baseDelay: Double
    /// No backoff wait (ours, without a server's word) is longer than this.
    public var maxDelay: Double
    /// A server's own reset (X-Ratelimit-Reset, Retry-After) is honoured up to this: Reddit's
    /// window is 600 s, and giving up early only earns another 429.
    public var maxResetWait: Double
    /// Waits `seconds`; injected so tests can record waits instead of sleeping.
    public var sleep: @Sendable (Double) async throws -> Void
    /// Told about every wait a server asked for that is long enough to notice, so a user sees why
    /// nothing happens for minutes.
    public var report: @Sendable (String) -> Void

    public init(maxAttempts: Int = 4, baseDelay: Double = 1, maxDelay: Double = 60, maxResetWait: Double = 600,
                sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .seconds($0)) },
                report: @escaping @Sendable (String) -> Void = { _ in }) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxResetWait = maxResetWait
        self.sleep = sleep
        self.report = report
    }

    /// Waits noticeably long resets are reported from; shorter ones pass quietly.
    static let reportFrom: Double = 5

    /// Waits for a reset the server announced (`asked` seconds), capped at `maxResetWait`; says so
    /// when the wait is long or had to be cut short.
    /// `asked` comes from a header: NaN waits nothing, and 1e300 or infinity the longest wait.
    public func waitForReset(_ asked: Double, source: String, why: String) async throws {
        let asked = HTTPResponse.clampedWait(asked)
        let wait = min(HTTPResponse.clampedWait(maxResetWait), asked)
        if asked > wait {
            report("\(source) \(why): the server asked for \(SecondsText.whole(asked)) s; waiting \(SecondsText.whole(wait)) s, the longest MockPilot waits")
        } else if wait >= Self.reportFrom {
            report("\(source) \(why): waiting \(SecondsText.whole(wait)) s for the window to reset")
        }
        try await sleep(wait)
    }

    public static func isRetryable(status: Int) -> Bool { status == 429 || (500...599).contains(status) }

    /// The server's `X-Ratelimit-Reset`/`Retry-After` in seconds, when it gave one.
    /// Read through Net's checked reader: "1e300" and "inf" are its longest wait, "nan" no word.
    static func announcedReset(_ response: HTTPResponse?) -> Double? {
        response?.announcedWait("x-ratelimit-reset") ?? response?.announcedWait("retry-after")
    }

    /// The wait before attempt `attempt + 1` with no word from the server: baseDelay * 2^(attempt-1), capped.
    public func backoff(afterAttempt attempt: Int) -> Double {
        HTTPResponse.clampedWait(min(maxDelay, baseDelay * pow(2, Double(attempt - 1))))
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
                if let reset = Self.announcedReset(response) {
                    try await waitForReset(reset, source: source, why: response.status == 429 ? "rate limit (HTTP 429)" : "HTTP \(response.status)")
                } else {
                    try await sleep(backoff(afterAttempt: attempt))
                }
            } catch let error as NetError where error.isTransient {
                guard attempt < maxAttempts else {
                    throw InsightError.unavailable(source: source, reason: error.localizedDescription, attempts: attempt)
                }
                try await sleep(backoff(afterAttempt: attempt))
            }
        }
    }
}
