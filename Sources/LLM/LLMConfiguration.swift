import Foundation
import Net

/// Everything needed to reach one model. Built from `[llm]` settings by the executable.
public struct LLMConfiguration: Sendable {
    public var provider: LLMProvider
    public var model: String
    /// OpenAI and compatible: up to ".../v1"; Anthropic: the host ("https://api.anthropic.com").
    public var baseURL: String
    /// Never logged, never in an error text, never stored.
    public var apiKey: String
    /// Seconds the server may stay silent (read timeout); also bounds the connect.
    public var timeoutSeconds: Double
    /// Attempts per request, counting the first.
    public var maxAttempts: Int
    /// Total seconds all retry waits together may take.
    public var maxRetryWait: Double
    /// Largest answer asked for.
    public var maxTokens: Int
    /// Lines for the user about how the configuration was taken (a key that is not sent).
    public private(set) var notes: [String] = []

    /// Throws `LLMError.missingKey` when a hosted API has no key, `.badConfiguration` when a
    /// compatible server has no base URL, a model name is missing, or the timeout is not a
    /// number of seconds above 0 and at most a day.
    public init(provider: LLMProvider, model: String = "", baseURL: String = "", apiKey: String = "",
                timeoutSeconds: Double = 30, maxAttempts: Int = 3, maxRetryWait: Double = 30, maxTokens: Int = 4096) throws {
        self.provider = provider
        self.model = model.isEmpty ? provider.defaultModel : model
        // "HTTP://host" is http: schemes are case-insensitive, and the rules below compare lower case.
        let base = PlainHTTP.normalized(baseURL.isEmpty ? provider.defaultBaseURL : baseURL)
        self.baseURL = base.hasSuffix("/") ? String(base.dropLast()) : base
        self.apiKey = apiKey
        self.timeoutSeconds = timeoutSeconds
        self.maxAttempts = max(1, maxAttempts)
        // A budget is a number from settings: NaN or below zero allows no wait, and none is longer than a day.
        self.maxRetryWait = maxRetryWait.isNaN ? 0 : min(Self.longestTimeout, max(0, maxRetryWait))
        self.maxTokens = max(1, maxTokens)
        guard timeoutSeconds.isFinite, timeoutSeconds > 0, timeoutSeconds <= Self.longestTimeout else {
            throw LLMError.badConfiguration("llm.timeout_seconds must be a number of seconds above 0 and at most \(Int(Self.longestTimeout)), got \(timeoutSeconds)")
        }
        if provider != .compatible, apiKey.isEmpty {
            throw LLMError.missingKey(provider: provider.displayName, setting: provider.keySetting, environment: provider.keyEnvironment)
        }
        if self.baseURL.isEmpty {
            throw LLMError.badConfiguration("the compatible backend needs llm.base_url (e.g. http://localhost:11434/v1 for Ollama)")
        }
        let scheme = PlainHTTP.scheme(of: self.baseURL)
        guard scheme == "http" || scheme == "https" else {
            throw LLMError.badConfiguration("llm.base_url must start with http:// or https://, got \(self.baseURL)")
        }
        // A key must not cross the network in the clear. Hosted APIs are https only (a local proxy
        // or test server on this machine may be http); a compatible server elsewhere over http
        // gets no key (Ollama and most local servers need none).
        if !PlainHTTP.keepsCredentialsPrivate(self.baseURL) {
            if provider != .compatible {
                throw LLMError.badConfiguration("\(provider.displayName) needs an https:// llm.base_url so the API key is not sent unencrypted (http:// is only accepted for localhost), got \(self.baseURL)")
            }
            if !apiKey.isEmpty {
                self.apiKey = ""
                notes.append("the API key is not sent to \(self.baseURL): plain http would carry it unencrypted; use https:// if the server needs it")
            }
        }
        if self.model.isEmpty {
            throw LLMError.badConfiguration("the compatible backend needs llm.model (the server's model name)")
        }
    }
}

extension LLMConfiguration {
    /// `http://localhost...`, `http://127.x.x.x...` or `http://[::1]...`: traffic that never leaves the machine.
    static func isLoopback(_ url: String) -> Bool { PlainHTTP.isLoopback(url) }

    /// The longest timeout or retry budget taken: a day (longer is a typo, and the clock
    /// conversions behind the waits must stay in range).
    static let longestTimeout: Double = 86_400

    /// The configuration `[llm]` settings describe, or nil for backend "none"/"template" (offline).
    /// Picks the key that belongs to the backend (a compatible server gets its own, never the
    /// OpenAI key: it may be anyone's server); throws `LLMError` for an unknown backend, a
    /// missing key or a missing base URL.
    public static func configured(backend: String, model: String, baseURL: String, openAIKey: String,
                                  anthropicKey: String, compatibleKey: String = "",
                                  timeoutSeconds: Double) throws -> LLMConfiguration? {
        let name = backend.lowercased()
        if name == "none" || name == "template" || name.isEmpty { return nil }
        guard let provider = LLMProvider(rawValue: name) else {
            throw LLMError.badConfiguration("the LLM backend must be none (template), openai, anthropic or compatible, not '\(backend)'")
        }
        return try LLMConfiguration(provider: provider, model: model, baseURL: baseURL,
                                    apiKey: key(for: provider, openAI: openAIKey, anthropic: anthropicKey, compatible: compatibleKey),
                                    timeoutSeconds: timeoutSeconds)
    }

    static func key(for provider: LLMProvider, openAI: String, anthropic: String, compatible: String) -> String {
        switch provider {
        case .openai: openAI
        case .anthropic: anthropic
        case .compatible: compatible
        }
    }
}

/// Printing, dumping or interpolating a configuration never shows the key.
extension LLMConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "\(provider.rawValue) \(model) at \(baseURL) (\(apiKey.isEmpty ? "no key" : "key set"))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["provider": provider, "model": model, "baseURL": baseURL,
                                "apiKey": apiKey.isEmpty ? "" : "[redacted]", "timeoutSeconds": timeoutSeconds])
    }
}
