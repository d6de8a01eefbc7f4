import Foundation
import Testing
import TestSupport
@testable import Server

/// `/metrics` tells a model whose code the JSX checker refuses from a model that fails: a real
/// `/stream` meeting (Whisper tiny.en, the Python client) whose model backend is the local
/// stand-in for the model APIs (scripts/reference/llm/fake_llm_api.py). The meeting's failure
/// carries its reason as a type, so the count does not depend on how the reason is worded.
@Suite(.serialized) struct StreamRejectionTests {
    static let key = "sk-stream-test"

    /// `hostile` answers `<script>` and `dangerouslySetInnerHTML` every time (refused, repaired,
    /// refused again): checker rejections. `error500` never answers: model failures.
    @Test(arguments: [("hostile", true), ("error500", false)])
    func refusedCodeIsACheckerRejectionAndAFailedModelIsNot(model: String, refusedByChecker: Bool) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stream-rejection-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let fake = try ScriptServer(script: "scripts/reference/llm/fake_llm_api.py", arguments: ["--lifetime", "300", "--key", Self.key])
        var stages = try StreamClient.stages(writingInto: directory)
        stages.meetings?.settings.llmBackend = "compatible"
        stages.meetings?.settings.llmModel = model
        stages.meetings?.settings.llmBaseURL = "http://127.0.0.1:\(fake.port)/v1"
        stages.meetings?.settings.compatibleKey = Self.key
        stages.meetings?.settings.llmTimeoutSeconds = 20
        let line = try #require(try StreamClient.spokenLines().first { $0.wav.hasSuffix("dev-001.wav") })
        try await RunningServer.with(stages: stages) { server in
            let run = try await StreamClient.run(server, wavs: [line.wav])
            #expect(run.received.last?["type"] as? String == "finished")
            // The template's version is written at once; the model's never is, and each spec the
            // model gave up on is one count.
            let components = run.events("component").count
            let given = run.events("model").filter { ($0["model"] as? [String: Any])?["phase"] as? String == "kept_template" }.count
            #expect(components >= 1 && given >= 1, "\(run.events.map { $0.event["type"] ?? "" })")

            let metrics = try await server.send("GET", "/metrics", token: nil).text
            let rejections = StreamMetricsTests.sample("mockpilot_checker_rejections_total", in: metrics)
            let failures = StreamMetricsTests.sample("mockpilot_model_failures_total", in: metrics)
            #expect(rejections == Double(refusedByChecker ? given : 0), "\(metrics)")
            #expect(failures == Double(refusedByChecker ? 0 : given), "\(metrics)")
            #expect(StreamMetricsTests.sample("mockpilot_components_generated_total", in: metrics) == Double(components))
            // The live preview's feed has the template's components and nothing of the refused code.
            let published = await server.server.room.components.retained(after: 0).map(\.line)
            #expect(published.count == components, "\(published)")
            #expect(!published.contains { $0.contains("dangerouslySetInnerHTML") || $0.contains("<script") })
        }
    }
}
