import Foundation
import Net

/// A model backend that could not be used or answered badly. Texts never carry an API key:
/// server messages are passed through `Redactor` before they are stored here.
public enum LLMError: Error, LocalizedError, Equatable {
    /// The backend needs a key and none was configured.
    case missingKey(provider: String, setting: String, environment: String)
    /// A base URL is required (compatible servers) or malformed.
    case badConfiguration(String)
    /// 401/403: the server refused the key.
    case unauthorized(provider: String, status: Int, setting: String)
    /// 429 or 5xx still failing after the allowed retries, or a wait longer than the budget.
    case unavailable(provider: String, status: Int?, attempts: Int, reason: String)
    /// A redirect to another host (or from https to http), which is not followed with the key.
    case redirected(provider: String, status: Int, to: String)
    /// Any other non-2xx status, with the server's own message.
    case rejected(provider: String, status: Int, message: String)
    /// The server stopped answering for longer than the configured timeout.
    case timedOut(provider: String, seconds: Double)
    case cancelled(provider: String)
    /// A transport failure (connection refused, DNS, TLS).
    case transport(provider: String, reason: String)
    /// A 2xx answer that does not hold what was asked for (not JSON, missing fields).
    case badAnswer(provider: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .missingKey(let provider, let setting, let env):
            "\(provider) needs an API key: set \(setting) in mockpilot.conf or \(env) in the environment"
        case .badConfiguration(let reason): reason
        case .unauthorized(let provider, let status, let setting):
            "\(provider) refused the API key (HTTP \(status)); check \(setting)"
        case .unavailable(let provider, let status, let attempts, let reason):
            "\(provider) is unavailable\(status.map { " (HTTP \($0))" } ?? "") after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(reason)"
        case .redirected(let provider, let status, let to):
            "\(provider) redirected the request to \(to) (HTTP \(status)); the API key is only sent to llm.base_url's own host, so set llm.base_url to where the API really is"
        case .rejected(let provider, let status, let message):
            "\(provider) rejected the request (HTTP \(status)): \(message)"
        case .timedOut(let provider, let seconds):
            "\(provider) did not answer within \(SecondsText.short(seconds)) s (llm.timeout_seconds)"
        case .cancelled(let provider): "request to \(provider) was cancelled"
        case .transport(let provider, let reason): "could not reach \(provider): \(reason)"
        case .badAnswer(let provider, let reason): "\(provider) answered badly: \(reason)"
        }
    }
}

/// Removes secrets from text that came from a server or a URL before it is shown or stored.
struct Redactor: Sendable {
    let secrets: [String]

    init(_ secrets: [String]) { self.secrets = secrets.filter { $0.count >= 4 } }

    func clean(_ text: String) -> String {
        var out = text
        for secret in secrets { out = out.replacingOccurrences(of: secret, with: "[redacted]") }
        // Keep messages one short line: a server may send a whole HTML page.
        out = out.replacingOccurrences(of: "\n", with: " ")
        return out.count > 300 ? String(out.prefix(300)) + "..." : out
    }
}

/// The secrets a redactor holds are never printed either.
extension Redactor: CustomStringConvertible, CustomReflectable {
    var description: String { "Redactor(\(secrets.count) secret\(secrets.count == 1 ? "" : "s"))" }
    var customMirror: Mirror { Mirror(self, children: ["secrets": secrets.count]) }
}
