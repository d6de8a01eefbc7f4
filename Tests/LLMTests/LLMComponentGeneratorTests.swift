import Brands
import CodeGen
import Core
import Foundation
import JSX
import TestSupport
import Testing
@testable import LLM

private let spec = DesignSpec(specID: "c3.v2", component: .button, themeTokens: ["primary": "#635bff"], styles: ["pill", "gradient"],
                              brandRefs: ["stripe"], label: "Pay", version: 2)
private let tokens = ["primary": "#635bff", "radius": "9999px", "font": "Inter"]

private func generator(_ server: FakeLLMServer, _ provider: LLMProvider, _ scenario: String,
                       timeout: Double = 10) throws -> LLMComponentGenerator {
    let brands = try BrandTable.load(themesDirectory: Repository.root.appendingPathComponent("Themes").path, userFile: nil)
    return LLMComponentGenerator(client: try server.client(provider, scenario: scenario, timeout: timeout, maxAttempts: 2),
                                 checker: JSXChecker(allowedImports: ["react"]), templates: TemplateGenerator(brands: brands))
}

private func templateJSX() throws -> String {
    let brands = try BrandTable.load(themesDirectory: Repository.root.appendingPathComponent("Themes").path, userFile: nil)
    return try TemplateGenerator(brands: brands).generate(spec).jsx
}

@Suite(.serialized) struct LLMComponentGeneratorTests {
    @Test(arguments: [LLMProvider.openai, .anthropic])
    func goodComponentIsUsedAndThePromptCarriesSpecTokensAndCurrentVersion(provider: LLMProvider) async throws {
        let server = try FakeLLMServer()
        let current = "export function PayButton() { return <button>Pay</button>; }"
        let result = try await generator(server, provider, "good").generate(spec: spec, tokens: tokens, current: current)
        #expect(result.source == .model)
        #expect(result.response?.jsx.contains("from-model") == true)
        #expect(result.response?.specID == "c3.v2")
        #expect(result.response?.namedExports == ["ModelButton"])
        #expect(result.notes.first?.hasPrefix("component by good (\(provider.displayName)) (") == true)
        #expect((result.usage?.completionTokens ?? 0) > 0)
        let prompt = try #require(try await server.requests().first?["body"]?["messages"]?.array?.last?["content"]?.string)
        #expect(prompt.contains(#""spec_id":"c3.v2""#))
        #expect(prompt.contains(#""styles":["pill","gradient"]"#))
        #expect(prompt.contains(#""radius":"9999px""#))
        #expect(prompt.contains(current))
        #expect(prompt.contains("WHOLE new version"))
    }

    @Test func wrongSpecIDIsCorrectedAndShown() async throws {
        let server = try FakeLLMServer()
        let result = try await generator(server, .openai, "wrongid").generate(spec: spec, tokens: tokens, current: nil)
        #expect(result.source == .model)
        #expect(result.response?.specID == "c3.v2")
        #expect(result.notes.contains("the model answered spec_id \"zzz.v9\"; corrected to c3.v2"))
    }

    @Test func syntaxErrorIsRepairedInOneRoundWithTheErrorsSentBack() async throws {
        let server = try FakeLLMServer()
        let result = try await generator(server, .anthropic, "repairable").generate(spec: spec, tokens: tokens, current: nil)
        #expect(result.source == .repaired)
        #expect(result.response?.jsx.contains("from-model") == true)
        #expect(result.notes.first?.contains("first answer was rejected (line 2:") == true)
        let bodies = try await server.requests().compactMap { $0["body"] }
        #expect(bodies.count == 2)
        let repair = bodies[1]["messages"]?.array?.last?["content"]?.string ?? ""
        #expect(repair.contains("rejected by MockPilot's checker"))
        #expect(repair.contains("- line 2:"))
        #expect(repair.contains("Broken"))
    }

    /// index.js and the preview import each file's default export: a component with only a named
    /// export would break the whole folder, so it goes back for repair.
    @Test(arguments: [LLMProvider.openai, .anthropic])
    func aComponentWithoutADefaultExportIsSentBackForRepair(provider: LLMProvider) async throws {
        let server = try FakeLLMServer()
        let result = try await generator(server, provider, "nodefault").generate(spec: spec, tokens: tokens, current: nil)
        #expect(result.source == .repaired)
        let jsx = try #require(result.response?.jsx)
        #expect(JSXChecker().exports(of: jsx)?.hasDefault == true)
        #expect(result.notes.first?.contains("the jsx has no default export") == true, "\(result.notes)")
        let bodies = try await server.requests().compactMap { $0["body"] }
        let system = provider == .anthropic ? bodies.first?["system"]?.string : bodies.first?["messages"]?[0]?["content"]?.string
        #expect(system?.contains("export default Name;") == true)
        #expect(bodies.count == 2)
        #expect(bodies[1]["messages"]?.array?.last?["content"]?.string?.contains("- the jsx has no default export") == true)
    }

    /// Each bad answer gets one repair round, then the template; the user is told why.
    @Test(arguments: [
        ("malformed", "the answer is not a JSON object"),
        ("wrongfields", "the answer has no \"jsx\" string"),
        ("syntax", "line 2:"),
        ("hostile", "dangerouslySetInnerHTML"),
    ])
    func badAnswersTwiceFallBackToTheTemplate(scenario: String, shown: String) async throws {
        let server = try FakeLLMServer()
        let result = try await generator(server, .openai, scenario).generate(spec: spec, tokens: tokens, current: nil)
        #expect(result.source == .template)
        #expect(result.response?.jsx == (try templateJSX()))
        #expect(result.notes.first?.contains("component was rejected twice") == true)
        #expect(result.notes.first?.contains(shown) == true, "\(result.notes)")
        #expect(result.notes.last == "used the template component instead")
        #expect(try await server.requests().count == 2)
    }

    @Test func hostileComponentIsNeverReturned() async throws {
        let server = try FakeLLMServer()
        let result = try await generator(server, .anthropic, "hostile").generate(spec: spec, tokens: tokens, current: nil)
        let jsx = try #require(result.response?.jsx)
        #expect(!jsx.contains("<script"))
        #expect(!jsx.contains("dangerouslySetInnerHTML"))
        #expect(result.notes.first?.contains("<script> is not allowed") == true, "\(result.notes)")
    }

    @Test(arguments: [
        ("error500", "is unavailable (HTTP 500) after 2 attempts"),
        ("stall", "did not answer within 1 s"),
    ])
    func transportFailuresUseTheTemplateWithoutARepairRound(scenario: String, shown: String) async throws {
        let server = try FakeLLMServer(stall: 4)
        let result = try await generator(server, .openai, scenario, timeout: 1).generate(spec: spec, tokens: tokens, current: nil)
        #expect(result.source == .template)
        #expect(result.response?.jsx == (try templateJSX()))
        #expect(result.notes.first?.contains(shown) == true, "\(result.notes)")
    }

    @Test func wrongKeyUsesTheTemplateAndTheNoteHidesTheKey() async throws {
        let server = try FakeLLMServer()
        let brands = try BrandTable.load(themesDirectory: Repository.root.appendingPathComponent("Themes").path, userFile: nil)
        let key = "sk-ant-WRONG-0123456789"
        let generator = LLMComponentGenerator(client: try server.client(.anthropic, scenario: "good", key: key),
                                              checker: JSXChecker(), templates: TemplateGenerator(brands: brands))
        let result = await generator.generate(spec: spec, tokens: tokens, current: nil)
        #expect(result.source == .template)
        #expect(result.notes.first == "good (Anthropic) failed: Anthropic refused the API key (HTTP 401); check llm.anthropic_api_key")
        #expect(!result.notes.joined().contains(key))
    }

    @Test func streamingGenerationReportsProgress() async throws {
        let server = try FakeLLMServer()
        let log = ProgressLog()
        let result = try await generator(server, .openai, "good").generate(spec: spec, tokens: tokens, current: nil) { log.add($0) }
        #expect(result.source == .model)
        #expect(log.updates.count > 5)
        #expect(try await server.requests().first?["body"]?["stream"]?.bool == true)
    }

    @Test func exportsMustBeDeclared() {
        #expect(LLMComponentGenerator.declaresExport("PayButton", in: "export function PayButton() {}"))
        #expect(LLMComponentGenerator.declaresExport("PayButton", in: "const PayButton = () => null;\nexport { PayButton };"))
        #expect(!LLMComponentGenerator.declaresExport("PayButton", in: "function PayButton() {}\nexport default PayButton;"))
        #expect(!LLMComponentGenerator.declaresExport("Pay.*", in: "export function PayButton() {}"))
        #expect(!LLMComponentGenerator.declaresExport("PayButton", in: "// export function PayButton() {}\nexport default 1;"))
    }
}

@Suite(.serialized) struct LLMGeneratorLimitsTests {
    @Test(arguments: [LLMProvider.openai, .anthropic])
    func answersCutOffAtTheTokenLimitAreSentBackThenReplaced(provider: LLMProvider) async throws {
        let server = try FakeLLMServer()
        let result = try await generator(server, provider, "truncated").generate(spec: spec, tokens: tokens, current: nil)
        #expect(result.source == .template)
        #expect(result.notes.first?.contains("the same problems both times: the answer was cut off at the token limit") == true,
                "\(result.notes)")
    }

    @Test(arguments: [LLMProvider.openai, .anthropic])
    func anErrorEventInTheStreamUsesTheTemplate(provider: LLMProvider) async throws {
        let server = try FakeLLMServer()
        let result = try await generator(server, provider, "overloaded").generate(spec: spec, tokens: tokens, current: nil) { _ in }
        #expect(result.source == .template)
        #expect(result.notes.first == "overloaded (\(provider.displayName)) failed: \(provider.displayName) is unavailable after 1 attempt: Overloaded",
                "\(result.notes)")
    }
}
