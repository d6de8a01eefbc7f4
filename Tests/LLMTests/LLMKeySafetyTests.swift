import Foundation
import Testing
@testable import LLM

private let request = LLMRequest(system: "sys", messages: [LLMMessage(.user, "\"spec_id\": \"c1.v1\"")], schemaName: "thing",
                                 schemaDescription: "a thing", schema: ["type": "object"])

/// Where an API key may travel: only to llm.base_url's own host, and never unencrypted off this machine.
@Suite(.serialized) struct LLMKeySafetyTests {
    @Test(arguments: [LLMProvider.openai, .anthropic])
    func aRedirectToAnotherHostIsNotFollowedWithTheKey(provider: LLMProvider) async throws {
        let elsewhere = try FakeLLMServer()
        let server = try FakeLLMServer(redirectTo: provider == .anthropic ? elsewhere.anthropicBase : elsewhere.openAIBase)
        let client = try server.client(provider, scenario: "redirect-other")
        let error = await #expect(throws: LLMError.self) { try await client.complete(request) }
        #expect(error?.localizedDescription == "\(provider.displayName) redirected the request to http://127.0.0.1:\(elsewhere.port) (HTTP 307); the API key is only sent to llm.base_url's own host, so set llm.base_url to where the API really is")
        #expect(try await elsewhere.requests().isEmpty, "the other host must never see the request or its key")
    }

    @Test func aRedirectOnTheSameServerIsFollowed() async throws {
        let server = try FakeLLMServer()
        let answer = try await server.client(.openai, scenario: "redirect-same").complete(request)
        #expect(JSONValue.parse(answer.text)?["spec_id"]?.string == "c1.v1")
        let paths = try await server.requests().compactMap { $0["path"]?.string }
        #expect(paths == ["/v1/chat/completions", "/v1/chat/completions?hop=1"])
    }

    @Test(arguments: [LLMProvider.openai, .anthropic])
    func hostedAPIsNeedHTTPSOffThisMachine(provider: LLMProvider) throws {
        #expect(throws: LLMError.badConfiguration("\(provider.displayName) needs an https:// llm.base_url so the API key is not sent unencrypted (http:// is only accepted for localhost), got http://api.example.com/v1")) {
            try LLMConfiguration(provider: provider, baseURL: "http://api.example.com/v1", apiKey: "sk-x-123456")
        }
        for local in ["http://localhost:8080/v1", "http://127.0.0.1:9/v1", "http://[::1]:9/v1", "https://proxy.example.com/v1"] {
            #expect((try? LLMConfiguration(provider: provider, baseURL: local, apiKey: "sk-x-123456"))?.apiKey == "sk-x-123456", "\(local)")
        }
        #expect(LLMConfiguration.isLoopback("http://127.evil.com/v1") == false)
        #expect(LLMConfiguration.isLoopback("http://localhost.evil.com/v1") == false)
    }

    @Test func aCompatibleServerOverPlainHTTPElsewhereGetsNoKey() throws {
        let remote = try LLMConfiguration(provider: .compatible, model: "llama3", baseURL: "http://10.0.0.5:11434/v1", apiKey: "sk-live-123456")
        #expect(remote.apiKey.isEmpty)
        #expect(remote.notes == ["the API key is not sent to http://10.0.0.5:11434/v1: plain http would carry it unencrypted; use https:// if the server needs it"])
        let secure = try LLMConfiguration(provider: .compatible, model: "llama3", baseURL: "https://llm.example.com/v1", apiKey: "sk-live-123456")
        #expect(secure.apiKey == "sk-live-123456" && secure.notes.isEmpty)
    }
}
