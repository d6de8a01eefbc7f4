import CodeGen
import Foundation
import JSX
import LLM
import TestSupport
import Testing
@testable import Server

/// `/generate` with `[llm] backend` set writes the model's component, checked as `generate` checks
/// it, and falls back to the template when the model's answer is refused (against the local
/// stand-in for the model APIs, scripts/reference/llm/fake_llm_api.py).
@Suite(.serialized) struct ModelBackendTests {
    static let key = "sk-server-test"

    static func stages(model: String, port: Int) throws -> ServerStages {
        var stages = try RunningServer.stages()
        let configuration = try #require(try LLMConfiguration.configured(
            backend: "compatible", model: model, baseURL: "http://127.0.0.1:\(port)/v1", openAIKey: "", anthropicKey: "",
            compatibleKey: Self.key, timeoutSeconds: 20))
        stages.modelGenerator = LLMComponentGenerator(client: LLMClient(configuration: configuration),
                                                      checker: JSXChecker(allowedImports: ["react"]),
                                                      templates: TemplateGenerator(brands: stages.brands))
        return stages
    }

    /// `hostile`'s code is refused twice by the checker (a checker rejection); `error500` never
    /// answers (a model failure).
    @Test(arguments: [("good", true, 0.0, 0.0), ("hostile", false, 0, 1), ("error500", false, 1, 0)])
    func theModelsComponentOrTheTemplate(model: String, fromModel: Bool, modelFailures: Double, rejections: Double) async throws {
        let fake = try ScriptServer(script: "scripts/reference/llm/fake_llm_api.py",
                                    arguments: ["--lifetime", "120", "--stall", "4", "--key", Self.key])
        try await RunningServer.with(stages: try Self.stages(model: model, port: fake.port)) { server in
            let reply = try await server.authorised("POST", "/generate", body: #"{"spec_id": "c1.v1", "component": "button", "label": "Pay"}"#)
            #expect(reply.status == 200, "\(reply.text)")
            let jsx = try #require(reply.object["jsx"] as? String)
            #expect(reply.object["spec_id"] as? String == "c1.v1")
            #expect(jsx.contains("from-model") == fromModel, "\(jsx)")
            #expect(!jsx.contains("<script") && !jsx.contains("dangerouslySetInnerHTML"))
            // The call is timed, and the template's stand-in is counted by why it was needed.
            let metrics = try await server.send("GET", "/metrics", token: nil).text
            #expect(StreamMetricsTests.sample("mockpilot_model_latency_seconds_count", in: metrics) == 1, "\(metrics)")
            #expect(StreamMetricsTests.sample("mockpilot_model_failures_total", in: metrics) == modelFailures)
            #expect(StreamMetricsTests.sample("mockpilot_checker_rejections_total", in: metrics) == rejections)
        }
    }
}
