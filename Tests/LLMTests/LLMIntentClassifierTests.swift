import Core
import Foundation
import Testing
@testable import LLM

private let window = [
    Utterance(id: "u1", msg: TranscriptMsg(text: "so about checkout", tsStart: 0, tsEnd: 2, speaker: "ana")),
    Utterance(id: "u2", msg: TranscriptMsg(text: "that purple thing Stripe does for paying, kind of round", tsStart: 2, tsEnd: 5, speaker: "ben")),
]

@Suite(.serialized) struct LLMIntentClassifierTests {
    @Test(arguments: [LLMProvider.openai, .anthropic])
    func confidentModelGivesAnIntentForTheLastUtterance(provider: LLMProvider) async throws {
        let server = try FakeLLMServer()
        let classifier = LLMIntentClassifier(client: try server.client(provider, scenario: "intent-yes"))
        let intent = try #require(try await classifier.classify(window: window, rulesConfidence: 0.5))
        #expect(intent.utteranceID == "u2")
        #expect(intent.speaker == "ben")
        #expect(intent.component == .button)
        #expect(intent.styles == ["pill", "gradient"] && intent.brandRefs == ["stripe"] && intent.colors == ["purple"])
        #expect(intent.cue && !intent.refine && intent.refersTo == nil)
        #expect(intent.confidence == 0.92)
        let body = try #require(try await server.requests().first?["body"])
        let text = body["messages"]?.array?.last?["content"]?.string ?? ""
        #expect(text.contains("ana: so about checkout") && text.contains("ben: that purple thing"))
        let schema = provider == .anthropic ? body["tools"]?[0]?["input_schema"] : body["response_format"]?["json_schema"]?["schema"]
        #expect(schema?["required"]?.array?.count == 9)
        #expect(schema?["properties"]?["component"]?["enum"]?.array?.contains("carousel") == true)
    }

    @Test(arguments: ["intent-low", "intent-no"])
    func unsureOrNonDesignAnswersGiveNoIntent(scenario: String) async throws {
        let server = try FakeLLMServer()
        let classifier = LLMIntentClassifier(client: try server.client(.openai, scenario: scenario))
        let answer = try #require(try await classifier.ask(window: window, rulesConfidence: 0.6))
        #expect(answer.intent == nil)
        #expect(answer.usage.promptTokens > 0)
    }

    @Test(arguments: [0.75, 0.9, 0.35, 0.0])
    func confidentOrHopelessRulesAreNotSentToTheModel(rules: Double) async throws {
        let server = try FakeLLMServer()
        let classifier = LLMIntentClassifier(client: try server.client(.openai, scenario: "intent-yes"))
        #expect(try await classifier.classify(window: window, rulesConfidence: rules) == nil)
        #expect(try await server.requests().isEmpty)
    }

    @Test func unreachableModelThrowsSoTheRulesAnswerStands() async throws {
        let server = try FakeLLMServer()
        let classifier = LLMIntentClassifier(client: try server.client(.openai, scenario: "error500", maxAttempts: 1))
        await #expect(throws: LLMError.self) { try await classifier.classify(window: window, rulesConfidence: 0.5) }
    }
}
