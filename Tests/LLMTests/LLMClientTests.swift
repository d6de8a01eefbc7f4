import Foundation
import Testing
@testable import LLM

private let request = LLMRequest(system: "sys", messages: [LLMMessage(.user, "hello \"spec_id\": \"c9.v1\"")],
                                 schemaName: "thing", schemaDescription: "a thing",
                                 schema: ["type": "object", "properties": ["a": ["type": "string"]], "required": ["a"],
                                          "additionalProperties": false])

@Suite(.serialized) struct LLMClientTests {
    @Test func openAIRequestCarriesModelSchemaMessagesAndKey() async throws {
        let server = try FakeLLMServer()
        let answer = try await server.client(.openai, scenario: "good").complete(request)
        #expect(JSONValue.parse(answer.text)?["spec_id"]?.string == "c9.v1")
        #expect(answer.usage.promptTokens > 0 && answer.usage.completionTokens > 0)
        let sent = try #require(try await server.requests().first)
        #expect(sent["path"]?.string == "/v1/chat/completions")
        #expect(sent["headers"]?["authorization"]?.string == "Bearer \(FakeLLMServer.key)")
        let body = try #require(sent["body"])
        #expect(body["model"]?.string == "good")
        #expect(body["response_format"]?["type"]?.string == "json_schema")
        #expect(body["response_format"]?["json_schema"]?["name"]?.string == "thing")
        #expect(body["response_format"]?["json_schema"]?["strict"]?.bool == true)
        #expect(body["response_format"]?["json_schema"]?["schema"] == request.schema)
        #expect(body["messages"]?[0]?["role"]?.string == "system")
        #expect(body["messages"]?[1]?["content"]?.string == request.messages[0].text)
    }

    @Test func anthropicRequestForcesTheToolAndReadsItsInput() async throws {
        let server = try FakeLLMServer()
        let answer = try await server.client(.anthropic, scenario: "good").complete(request)
        #expect(JSONValue.parse(answer.text)?["spec_id"]?.string == "c9.v1")
        #expect(answer.usage.promptTokens > 0)
        let sent = try #require(try await server.requests().first)
        #expect(sent["path"]?.string == "/v1/messages")
        #expect(sent["headers"]?["x-api-key"]?.string == FakeLLMServer.key)
        #expect(sent["headers"]?["anthropic-version"]?.string == "2023-06-01")
        #expect(sent["headers"]?["authorization"] == nil)
        let body = try #require(sent["body"])
        #expect(body["system"]?.string == "sys")
        #expect(body["tools"]?[0]?["name"]?.string == "thing")
        #expect(body["tools"]?[0]?["input_schema"] == request.schema)
        #expect(body["tool_choice"] == ["type": "tool", "name": "thing"])
        #expect(body["max_tokens"]?.number == 4096)
    }

    @Test(arguments: [LLMProvider.openai, .anthropic])
    func streamingReportsProgressAndGivesTheSameAnswer(provider: LLMProvider) async throws {
        let server = try FakeLLMServer()
        let seen = ProgressLog()
        var streamed = request
        streamed.stream = true
        let answer = try await server.client(provider, scenario: "good").complete(streamed) { seen.add($0) }
        let plain = try await server.client(provider, scenario: "good").complete(request)
        #expect(JSONValue.parse(answer.text) == JSONValue.parse(plain.text))
        #expect(seen.updates.count > 5)
        #expect(seen.updates.last?.characters == answer.text.count)
        #expect(answer.usage.completionTokens > 0)
        let bodies = try await server.requests().compactMap { $0["body"] }
        #expect(bodies.first?["stream"]?.bool == true)
    }

    @Test(arguments: [LLMProvider.openai, .anthropic])
    func unauthorizedErrorNeverContainsTheKey(provider: LLMProvider) async throws {
        let server = try FakeLLMServer()
        let wrongKey = "sk-live-WRONG-abcdef123456"
        await #expect(throws: LLMError.unauthorized(provider: provider.displayName, status: 401, setting: provider.keySetting)) {
            try await server.client(provider, scenario: "good", key: wrongKey).complete(request)
        }
        do {
            _ = try await server.client(provider, scenario: "good", key: wrongKey).complete(request)
        } catch {
            #expect(!error.localizedDescription.contains(wrongKey))
            #expect(!String(describing: error).contains(wrongKey))
            #expect(error.localizedDescription.contains("refused the API key"))
        }
    }

    @Test func compatibleServerWithoutKeySendsNoAuthorization() async throws {
        let server = try FakeLLMServer()
        await #expect(throws: LLMError.unauthorized(provider: "OpenAI-compatible server", status: 401, setting: "llm.api_key")) {
            try await server.client(.compatible, scenario: "good", key: "").complete(request)
        }
        let headers = try await server.requests().first?["headers"]
        #expect(headers?["authorization"] == nil)
        #expect(headers?["content-type"]?.string == "application/json")
    }

    @Test func rateLimitWaitsForRetryAfterThenSucceeds() async throws {
        let server = try FakeLLMServer()
        let started = Date()
        let answer = try await server.client(.openai, scenario: "ratelimit").complete(request)
        #expect(Date().timeIntervalSince(started) >= 1)
        #expect(answer.usage.attempts == 2)
        #expect(try await server.requests().count == 2)
    }

    @Test func rateLimitLongerThanTheBudgetIsNotWaitedFor() async throws {
        let server = try FakeLLMServer()
        await #expect(throws: LLMError.self) {
            try await server.client(.openai, scenario: "ratelimit", maxRetryWait: 0.5).complete(request)
        }
    }

    @Test func serverErrorsAreRetriedABoundedNumberOfTimes() async throws {
        let server = try FakeLLMServer()
        do {
            _ = try await server.client(.anthropic, scenario: "error500", maxAttempts: 3).complete(request)
            Issue.record("a 500 must throw")
        } catch let error as LLMError {
            guard case .unavailable(_, let status, let attempts, let reason) = error else { Issue.record("\(error)"); return }
            #expect(status == 500 && attempts == 3)
            #expect(reason.contains("The server had an error"))
        }
        #expect(try await server.requests().count == 3)
    }

    @Test func aStallPastTheTimeoutFails() async throws {
        let server = try FakeLLMServer(stall: 6)
        await #expect(throws: LLMError.timedOut(provider: "OpenAI", seconds: 1)) {
            try await server.client(.openai, scenario: "stall", timeout: 1).complete(request)
        }
    }

    @Test func cancellingTheTaskAbortsTheRequest() async throws {
        let server = try FakeLLMServer(stall: 8)
        let client = try server.client(.openai, scenario: "stall", timeout: 30)
        let task = Task { try await client.complete(request) }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        await #expect(throws: LLMError.cancelled(provider: "OpenAI")) { try await task.value }
    }

    @Test func serverWithoutJSONSchemaGetsJSONObjectInstead() async throws {
        let server = try FakeLLMServer()
        let client = try server.client(.compatible, scenario: "noschema", key: FakeLLMServer.key)
        let answer = try await client.complete(request)
        #expect(JSONValue.parse(answer.text)?["jsx"] != nil)
        _ = try await client.complete(request)
        let formats = try await server.requests().compactMap { $0["body"]?["response_format"]?["type"]?.string }
        // Rejected once, then json_object for this call and the next one.
        #expect(formats == ["json_schema", "json_object", "json_object"])
        let system = try await server.requests()[1]["body"]?["messages"]?[0]?["content"]?.string ?? ""
        #expect(system.contains("JSON Schema"))
    }

    @Test func printingAConfigurationOrClientNeverShowsTheKey() throws {
        let key = "sk-proj-SECRET-abcdef0123"
        let client = LLMClient(configuration: try LLMConfiguration(provider: .openai, apiKey: key))
        var dumped = ""
        dump(client, to: &dumped)
        for text in [String(describing: client.configuration), String(reflecting: client.configuration), "\(client)", dumped] {
            #expect(!text.contains(key), "\(text)")
        }
        #expect(String(describing: client.configuration) == "openai gpt-4o-mini at https://api.openai.com/v1 (key set)")
    }

    @Test func settingsPickTheBackendsOwnKey() throws {
        let none = try LLMConfiguration.configured(backend: "none", model: "", baseURL: "", openAIKey: "", anthropicKey: "", timeoutSeconds: 30)
        #expect(none == nil)
        let anthropic = try #require(try LLMConfiguration.configured(backend: "anthropic", model: "", baseURL: "", openAIKey: "o-key",
                                                                     anthropicKey: "a-key", timeoutSeconds: 12))
        #expect(anthropic.apiKey == "a-key" && anthropic.baseURL == "https://api.anthropic.com" && anthropic.timeoutSeconds == 12)
        // A compatible server may be anyone's: it gets its own key, never the OpenAI one.
        let compatible = try #require(try LLMConfiguration.configured(backend: "compatible", model: "llama3", baseURL: "https://llm.example.com/v1",
                                                                      openAIKey: "o-key", anthropicKey: "a-key", timeoutSeconds: 30))
        #expect(compatible.apiKey == "")
        let ownKey = try #require(try LLMConfiguration.configured(backend: "compatible", model: "llama3", baseURL: "https://llm.example.com/v1",
                                                                  openAIKey: "o-key", anthropicKey: "", compatibleKey: "c-key", timeoutSeconds: 30))
        #expect(ownKey.apiKey == "c-key")
        #expect(throws: LLMError.badConfiguration("the LLM backend must be none (template), openai, anthropic or compatible, not 'gemini'")) {
            try LLMConfiguration.configured(backend: "gemini", model: "", baseURL: "", openAIKey: "", anthropicKey: "", timeoutSeconds: 30)
        }
    }

    @Test func configurationNeedsKeysAndURLs() {
        #expect(throws: LLMError.missingKey(provider: "OpenAI", setting: "llm.openai_api_key", environment: "OPENAI_API_KEY")) {
            try LLMConfiguration(provider: .openai)
        }
        #expect(throws: LLMError.self) { try LLMConfiguration(provider: .compatible, model: "llama3") }
        #expect((try? LLMConfiguration(provider: .compatible, model: "llama3", baseURL: "http://localhost:11434/v1/"))?.baseURL
            == "http://localhost:11434/v1")
    }
}

/// Progress updates collected from the HTTP queue.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [LLMProgress] = []
    func add(_ p: LLMProgress) { lock.withLock { list.append(p) } }
    var updates: [LLMProgress] { lock.withLock { list } }
}
