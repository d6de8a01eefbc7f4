import Foundation

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

    /// Throws `LLMError.missingKey` when a hosted API has no key, `.badConfiguration` when a
    /// compatible server has no base URL or a model name is missing.
    public init(provider: LLMProvider, model: String = "", baseURL: String = "", apiKey: String = "",
                timeoutSeconds: Double = 30, maxAttempts: Int = 3, maxRetryWait: Double = 30, maxTokens: Int = 4096) throws {
        self.provider = provider
        self.model = model.isEmpty ? provider.defaultModel : model
        let base = baseURL.isEmpty ? provider.defaultBaseURL : baseURL
        self.baseURL = base.hasSuffix("/") ? String(base.dropLast()) : base
        self.apiKey = apiKey
        self.timeoutSeconds = timeoutSeconds
        self.maxAttempts = max(1, maxAttempts)
        self.maxRetryWait = maxRetryWait
        self.maxTokens = maxTokens
        if provider != .compatible, apiKey.isEmpty {
            throw LLMError.missingKey(provider: provider.displayName, setting: provider.keySetting, environment: provider.keyEnvironment)
        }
        if self.baseURL.isEmpty {
            throw LLMError.badConfiguration("the compatible backend needs llm.base_url (e.g. http://localhost:11434/v1 for Ollama)")
        }
        guard self.baseURL.hasPrefix("http://") || self.baseURL.hasPrefix("https://") else {
            throw LLMError.badConfiguration("llm.base_url must start with http:// or https://, got \(self.baseURL)")
        }
        if self.model.isEmpty {
            throw LLMError.badConfiguration("the compatible backend needs llm.model (the server's model name)")
        }
    }
}

extension LLMConfiguration {
    /// The configuration `[llm]` settings describe, or nil for backend "none"/"template" (offline).
    /// Picks the key that belongs to the backend; throws `LLMError` for an unknown backend, a
    /// missing key or a missing base URL.
    public static func configured(backend: String, model: String, baseURL: String, openAIKey: String,
                                  anthropicKey: String, timeoutSeconds: Double) throws -> LLMConfiguration? {
        let name = backend.lowercased()
        if name == "none" || name == "template" || name.isEmpty { return nil }
        guard let provider = LLMProvider(rawValue: name) else {
            throw LLMError.badConfiguration("the LLM backend must be none (template), openai, anthropic or compatible, not '\(backend)'")
        }
        return try LLMConfiguration(provider: provider, model: model, baseURL: baseURL,
                                    apiKey: provider == .anthropic ? anthropicKey : openAIKey, timeoutSeconds: timeoutSeconds)
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
