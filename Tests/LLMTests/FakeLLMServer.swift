import Foundation
import Net
import TestSupport
@testable import LLM

/// The local fake OpenAI/Anthropic API (scripts/reference/llm/fake_llm_api.py) on a free
/// 127.0.0.1 port; it stops itself after `lifetime` seconds even if a test crashes.
final class FakeLLMServer: @unchecked Sendable {
    static let key = "sk-test-secret-123"
    let server: ScriptServer
    var port: Int { server.port }
    var openAIBase: String { "http://127.0.0.1:\(port)/v1" }
    var anthropicBase: String { "http://127.0.0.1:\(port)" }

    /// `redirectTo`: where the scenario "redirect-other" sends requests (another server's base URL).
    init(lifetime: Int = 300, stall: Double = 5, redirectTo: String? = nil) throws {
        server = try ScriptServer(script: "scripts/reference/llm/fake_llm_api.py",
                                  arguments: ["--lifetime", String(lifetime), "--stall", String(stall), "--key", Self.key]
                                      + (redirectTo.map { ["--redirect-to", $0] } ?? []))
    }

    /// Every request the server received: path, lower-cased headers, JSON body.
    func requests() async throws -> [JSONValue] {
        let response = try await HTTPClient().send(HTTPRequest(url: "http://127.0.0.1:\(port)/__requests"))
        return JSONValue.parse(response.text)?.array ?? []
    }

    /// A client for `provider` whose model name picks the server's scenario.
    func client(_ provider: LLMProvider, scenario: String, key: String = FakeLLMServer.key, timeout: Double = 10,
                maxAttempts: Int = 3, maxRetryWait: Double = 10) throws -> LLMClient {
        let base = provider == .anthropic ? anthropicBase : openAIBase
        return LLMClient(configuration: try LLMConfiguration(provider: provider, model: scenario, baseURL: base, apiKey: key,
                                                             timeoutSeconds: timeout, maxAttempts: maxAttempts,
                                                             maxRetryWait: maxRetryWait))
    }
}
