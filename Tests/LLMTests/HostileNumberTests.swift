import Foundation
import Testing
@testable import LLM

private let request = LLMRequest(system: "sys", messages: [LLMMessage(.user, "\"spec_id\": \"h1.v1\"")], schemaName: "thing",
                                 schemaDescription: "a thing", schema: ["type": "object"])

/// Numbers a model server sends (token counts, waits) are clamped or refused, never converted
/// with a trapping initializer: one hostile reply must not kill `generate` or a meeting.
@Suite(.serialized) struct HostileNumberTests {
    /// `usage.prompt_tokens: 1e300` and a negative count, complete and streamed, both APIs.
    @Test(arguments: [(LLMProvider.openai, false), (.openai, true), (.anthropic, false), (.anthropic, true)])
    func absurdTokenCountsAreClamped(provider: LLMProvider, stream: Bool) async throws {
        let server = try FakeLLMServer()
        var asked = request
        asked.stream = stream
        let answer = try await server.client(provider, scenario: "hugeusage").complete(asked)
        #expect(JSONValue.parse(answer.text)?["spec_id"]?.string == "h1.v1")
        #expect(answer.usage.promptTokens == LLMUsage.mostTokens)
        #expect(answer.usage.completionTokens == 0)
        // The meeting adds calls up: the sum stays in range too.
        let total = answer.usage + answer.usage + LLMUsage(promptTokens: .max)
        #expect(total.promptTokens == .max)
        #expect(answer.usage.summary.hasPrefix("1000000000+0 tokens"))
    }

    /// Retry-After: 1e300 or inf is a wait longer than any budget: refused at once, in words.
    @Test(arguments: ["retry retry-after=1e300", "retry retry-after=inf", "retry retry-after-ms=1e300"])
    func anEndlessRetryAfterIsRefusedAtOnce(scenario: String) async throws {
        let server = try FakeLLMServer()
        let started = ContinuousClock.now
        let error = await #expect(throws: LLMError.self) {
            try await server.client(.openai, scenario: scenario, maxRetryWait: 10).complete(request)
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        let shown = try #require(error?.localizedDescription)
        #expect(shown.contains("(HTTP 429) after 1 attempt"), "\(shown)")
        #expect(shown.contains("more than the 10 s retry budget"), "\(shown)")
        #expect(try await server.requests().count == 1)
    }

    /// retry-after-ms: nan (or any text) is no word at all: the usual backoff, then the answer.
    @Test(arguments: ["retry retry-after-ms=nan", "retry retry-after=nan", "retry retry-after=soon", "retry retry-after=-inf"])
    func aWaitThatIsNotANumberFallsBackToTheBackoff(scenario: String) async throws {
        let server = try FakeLLMServer()
        let answer = try await server.client(.anthropic, scenario: scenario, maxRetryWait: 10).complete(request)
        #expect(answer.usage.attempts == 2)
        #expect(JSONValue.parse(answer.text)?["spec_id"]?.string == "h1.v1")
    }

    /// A timeout or retry budget is a number from settings: infinite, NaN or absurd is refused
    /// or held to a day, and the texts that show it never trap.
    @Test func timeoutsAndBudgetsAreCheckedWhenConfigured() throws {
        for bad in [Double.infinity, .nan, 1e300, 0, -5] {
            #expect(throws: LLMError.self, "\(bad)") {
                try LLMConfiguration(provider: .openai, apiKey: "sk-x-123456", timeoutSeconds: bad)
            }
        }
        let error = #expect(throws: LLMError.self) {
            try LLMConfiguration(provider: .openai, apiKey: "sk-x-123456", timeoutSeconds: .infinity)
        }
        #expect(error?.localizedDescription == "llm.timeout_seconds must be a number of seconds above 0 and at most 86400, got inf")
        let nanBudget = try LLMConfiguration(provider: .openai, apiKey: "sk-x-123456", maxRetryWait: .nan)
        #expect(nanBudget.maxRetryWait == 0)
        let hugeBudget = try LLMConfiguration(provider: .openai, apiKey: "sk-x-123456", maxRetryWait: 1e300)
        #expect(hugeBudget.maxRetryWait == 86_400)
        #expect(LLMError.timedOut(provider: "OpenAI", seconds: 1e300).errorDescription?.contains("did not answer within over") == true)
        #expect(LLMError.timedOut(provider: "OpenAI", seconds: 2.5).errorDescription == "OpenAI did not answer within 2.5 s (llm.timeout_seconds)")
    }
}

/// Schemes are case-insensitive: `HTTP://` is http, under the same loopback rule.
@Suite(.serialized) struct UpperCaseSchemeTests {
    @Test func anUpperCaseLoopbackBaseURLIsAcceptedAndUsed() async throws {
        let server = try FakeLLMServer()
        let configuration = try LLMConfiguration(provider: .openai, model: "good", baseURL: "HTTP://127.0.0.1:\(server.port)/v1",
                                                 apiKey: FakeLLMServer.key)
        #expect(configuration.baseURL == "http://127.0.0.1:\(server.port)/v1")
        let answer = try await LLMClient(configuration: configuration).complete(request)
        #expect(JSONValue.parse(answer.text)?["spec_id"]?.string == "h1.v1")
        #expect(try await server.requests().first?["headers"]?["authorization"]?.string == "Bearer \(FakeLLMServer.key)")
    }

    @Test func anUpperCaseSchemeElsewhereFollowsThePlainHTTPRule() throws {
        #expect(throws: LLMError.badConfiguration("OpenAI needs an https:// llm.base_url so the API key is not sent unencrypted (http:// is only accepted for localhost), got http://api.example.com/v1")) {
            try LLMConfiguration(provider: .openai, baseURL: "HTTP://api.example.com/v1", apiKey: "sk-x-123456")
        }
        let remote = try LLMConfiguration(provider: .compatible, model: "llama3", baseURL: "Http://10.0.0.5:11434/v1", apiKey: "sk-live-123456")
        #expect(remote.apiKey.isEmpty && remote.baseURL == "http://10.0.0.5:11434/v1")
        let secure = try LLMConfiguration(provider: .anthropic, baseURL: "HTTPS://api.anthropic.com", apiKey: "sk-x-123456")
        #expect(secure.baseURL == "https://api.anthropic.com" && secure.apiKey == "sk-x-123456")
    }
}
