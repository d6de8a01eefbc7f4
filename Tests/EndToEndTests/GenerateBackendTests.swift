import Foundation
import TestSupport
import Testing

/// `mockpilot generate --backend openai|anthropic|compatible --base-url ...` against the local
/// stand-in API server, one run per way a model can answer: what the user sees on stdout and
/// stderr, and the exit code.
@Suite(.serialized) struct GenerateBackendTests {
    static let key = "sk-test-secret-123"
    static let spec = #"{"spec_id":"c1.v1","component":"button","label":"Pay","styles":["pill"],"brand_refs":["Stripe"]}"#

    struct Scenario: Sendable, CustomTestStringConvertible {
        var name: String
        /// The component printed is the model's (true) or the template's (false).
        var fromModel: Bool
        /// What stderr must say, per provider where the APIs differ.
        var shown: @Sendable (String) -> String
        var testDescription: String { name }
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "good", fromModel: true) { "c1.v1: component by good (\($0)) (" },
        Scenario(name: "ratelimit", fromModel: true) { _ in "s, 2 attempts)" },
        // The stand-in wraps non-JSON tool input in an object for Anthropic, as a tool input always is.
        Scenario(name: "malformed", fromModel: false) { $0 == "Anthropic" ? "the answer has no \"jsx\" string" : "the answer is not a JSON object" },
        Scenario(name: "wrongfields", fromModel: false) { _ in "component was rejected twice (the same problems both times: the answer has no \"jsx\" string" },
        Scenario(name: "syntax", fromModel: false) { _ in "line 2:35: expected corresponding JSX closing tag for <div>" },
        Scenario(name: "hostile", fromModel: false) { _ in "<script> is not allowed" },
        Scenario(name: "error500", fromModel: false) { "failed: \($0) is unavailable (HTTP 500) after 3 attempts: The server had an error" },
        Scenario(name: "stall", fromModel: false) { "failed: \($0) did not answer within 1 s (llm.timeout_seconds)" },
        // Numbers a hostile server sends: clamped or refused in words, never a trap (exit 132).
        Scenario(name: "hugeusage", fromModel: true) { "c1.v1: component by hugeusage (\($0)) (1000000000+0 tokens, " },
        Scenario(name: "retry retry-after=1e300", fromModel: false) {
            "failed: \($0) is unavailable (HTTP 429) after 1 attempt: asked to wait over 31536000 s, more than the 30 s retry budget"
        },
        Scenario(name: "retry retry-after-ms=nan", fromModel: true) { _ in "s, 2 attempts)" },
    ]

    static let backends = [("openai", "OpenAI"), ("anthropic", "Anthropic"), ("compatible", "OpenAI-compatible server")]

    static func generate(_ backend: String, scenario: String, port: Int, input: String = spec,
                         extra: [String: String] = [:]) throws -> Binary.Result {
        let base = "http://127.0.0.1:\(port)" + (backend == "anthropic" ? "" : "/v1")
        let key = ["anthropic": "ANTHROPIC_API_KEY", "compatible": "MOCKPILOT_LLM_API_KEY"][backend] ?? "OPENAI_API_KEY"
        return try Binary.run(["generate", "--backend", backend, "--model", scenario, "--base-url", base, "-"], stdin: input,
                              environment: [key: Self.key,
                                            // Only the stall is meant to time out; a busy machine must not fail the rest.
                                            "MOCKPILOT_LLM_TIMEOUT_SECONDS": scenario == "stall" ? "1" : "20"].merging(extra) { _, new in new })
    }

    @Test(arguments: backends, scenarios)
    func whatTheUserSees(backend: (String, String), scenario: Scenario) throws {
        let server = try ScriptServer(script: "scripts/reference/llm/fake_llm_api.py",
                                      arguments: ["--lifetime", "120", "--stall", "4", "--key", Self.key])
        let result = try Self.generate(backend.0, scenario: scenario.name, port: server.port)
        // The spec always gets a component: the model's, or the offline template's.
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stdout)")
        let response = try #require(try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any])
        let jsx = try #require(response["jsx"] as? String)
        #expect(response["spec_id"] as? String == "c1.v1")
        #expect(jsx.contains("from-model") == scenario.fromModel, "\(jsx)")
        #expect(!jsx.contains("<script") && !jsx.contains("dangerouslySetInnerHTML"))
        #expect(jsx.contains("export default"))
        #expect(result.stderr.contains(scenario.shown(backend.1)), "\(result.stderr)")
        if !scenario.fromModel {
            #expect(result.stderr.contains("c1.v1: used the template component instead"), "\(result.stderr)")
        }
        #expect(!result.stderr.contains(Self.key) && !result.stdout.contains(Self.key))
    }

    @Test func aBackendThatCannotBeSetUpIsOneLineAndExitsNonZero() throws {
        let noKey = try Binary.run(["generate", "--backend", "anthropic", "-"], stdin: Self.spec,
                                   environment: ["ANTHROPIC_API_KEY": "", "MOCKPILOT_LLM_ANTHROPIC_API_KEY": ""])
        #expect(noKey.status != 0 && noKey.stdout.isEmpty)
        #expect(noKey.stderr.contains("Anthropic needs an API key: set llm.anthropic_api_key in mockpilot.conf or ANTHROPIC_API_KEY in the environment"), "\(noKey.stderr)")
        let plain = try Binary.run(["generate", "--backend", "openai", "--base-url", "http://api.example.com/v1", "-"], stdin: Self.spec,
                                   environment: ["OPENAI_API_KEY": Self.key])
        #expect(plain.status != 0 && plain.stdout.isEmpty)
        #expect(plain.stderr.contains("OpenAI needs an https:// llm.base_url"), "\(plain.stderr)")
        #expect(!plain.stderr.contains(Self.key))
    }

    /// `mockpilot --help` shows this pipe: intents in, one component per intent out, a refinement
    /// as the next version of the same component.
    @Test func extractPipesIntoGenerate() throws {
        let meeting = "Let's build a pill-shaped pay button like Stripe's.\nMake it bigger and green.\nCan everyone see my screen?\nLet's mock up a dark navbar.\n"
        let extract = try Binary.run(["extract", "-"], stdin: meeting)
        #expect(extract.status == 0, "\(extract.stderr)")
        let generate = try Binary.run(["generate", "-"], stdin: extract.stdout)
        #expect(generate.status == 0, "\(generate.stderr)")
        let responses = try generate.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(responses.map { $0["spec_id"] as? String } == ["c1.v1", "c1.v2", "c2.v1"])
        #expect(responses.map { ($0["named_exports"] as? [String])?.first } == ["PayButton", "PayButton", "Navbar"])
        let second = try #require(responses[1]["jsx"] as? String)
        #expect(second.contains("bg-green-600") && second.contains("text-lg"), "the refinement keeps the button and applies the change")
        let help = try Binary.run(["--help"])
        #expect(help.stdout.contains("mockpilot extract meeting.txt | mockpilot generate -"))
    }

    @Test func aChangeBeforeAnyComponentIsSkippedWithANote() throws {
        let result = try Binary.run(["generate", "-"], stdin: #"{"utterance_id":"u1","refine":true,"styles":["large"]}"# + "\n")
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "<stdin>:1: u1 asks for a change, but no component exists yet\n")
    }
}
