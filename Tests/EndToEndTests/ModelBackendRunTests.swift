import Foundation
import TestSupport
import Testing

/// `run` with a configured model backend, against the local fake OpenAI-compatible server:
/// what the user ends up with when the model answers well, and when it answers with hostile code.
@Suite struct ModelBackendRunTests {
    static let key = "sk-test-secret-123"

    func startServer() throws -> ScriptServer {
        try ScriptServer(script: "scripts/reference/llm/fake_llm_api.py", arguments: ["--lifetime", "300", "--key", Self.key])
    }

    func run(scenario: String, port: Int, hook: String = "") throws -> (Binary.Result, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-llm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ana>Let's build a pill-shaped pay button like Stripe's.</v>\n"
        try vtt.write(to: dir.appendingPathComponent("m.vtt"), atomically: true, encoding: .utf8)
        let result = try Binary.run(
            ["run", "--transcript", dir.path + "/m.vtt", "--no-tui", "--out", dir.path + "/out", "--db", dir.path + "/db.sqlite"],
            environment: ["MOCKPILOT_LLM_BACKEND": "compatible", "MOCKPILOT_LLM_MODEL": scenario,
                          "MOCKPILOT_LLM_BASE_URL": "http://127.0.0.1:\(port)/v1", "MOCKPILOT_LLM_API_KEY": Self.key,
                          "MOCKPILOT_HOOKS_POST_GENERATE": hook])
        return (result, dir)
    }

    func notices(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["message"] as? String
        }
    }

    @Test func theModelsComponentIsWrittenAndTheHookSeesIt() throws {
        let server = try startServer()
        let (result, dir) = try run(scenario: "good", port: server.port, hook: "wc -c")
        #expect(result.status == 0, "\(result.stderr)")
        let shown = notices(result.stdout)
        #expect(shown.contains { $0.contains("component by good") }, "\(shown)")
        #expect(shown.contains { $0.contains("wc -c") || $0.contains("exit 0") || $0.contains("PayButton v1") }, "\(shown)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/out/src/components")
        #expect(files.contains { $0.hasSuffix(".jsx") })
        #expect(!result.stdout.contains(Self.key) && !result.stderr.contains(Self.key))
    }

    /// src/components/index.js re-exports each file's default: a model component with only a named
    /// export would break every import of the folder, so it goes back for repair first.
    @Test func theFolderIndexResolvesWhenTheModelForgotTheDefaultExport() throws {
        let server = try startServer()
        let (result, dir) = try run(scenario: "nodefault", port: server.port)
        #expect(result.status == 0, "\(result.stderr)")
        let shown = notices(result.stdout)
        #expect(shown.contains { $0.contains("the jsx has no default export") && $0.contains("repaired in one round") }, "\(shown)")
        let index = dir.appendingPathComponent("out/src/components/index.js")
        #expect(try String(contentsOf: index, encoding: .utf8).contains("export { default as PayButton }"))
        // esbuild fails on a re-export of a default that does not exist.
        let bundle = Process()
        bundle.executableURL = URL(fileURLWithPath: "/usr/bin/esbuild")
        bundle.arguments = [index.path, "--bundle", "--format=esm", "--jsx=automatic", "--loader:.js=jsx",
                            "--external:react", "--external:react/jsx-runtime", "--log-level=error",
                            "--outfile=" + dir.appendingPathComponent("bundle.js").path]
        let errors = Pipe()
        bundle.standardError = errors
        try bundle.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        bundle.waitUntilExit()
        #expect(bundle.terminationStatus == 0, "\(message)")
    }

    @Test func hostileModelCodeIsNeverWrittenAndTheTemplateIsUsed() throws {
        let server = try startServer()
        let (result, dir) = try run(scenario: "hostile", port: server.port)
        #expect(result.status == 0, "\(result.stderr)")
        let shown = notices(result.stdout)
        #expect(shown.contains { $0.contains("template") }, "\(shown)")
        let folder = dir.path + "/out/src/components"
        let jsx = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jsx") }
        #expect(jsx.count == 1)
        let code = try String(contentsOfFile: folder + "/" + jsx[0], encoding: .utf8)
        #expect(!code.contains("<script") && !code.contains("dangerouslySetInnerHTML"))
        #expect(code.contains("export default"))
    }

    /// One hostile reply (1e300 tokens; a Retry-After of 1e300) trapped the whole meeting: now
    /// the model's component is written, or the template with the reason, and the run ends well.
    @Test(arguments: [("hugeusage", "component by hugeusage"), ("retry retry-after=1e300", "asked to wait over 31536000 s")])
    func aHostileReplyNeitherStopsTheMeetingNorLosesTheComponent(scenario: String, said: String) throws {
        let server = try startServer()
        let (result, dir) = try run(scenario: scenario, port: server.port)
        #expect(result.status == 0, "\(result.stderr)")
        let shown = notices(result.stdout)
        #expect(shown.contains { $0.contains(said) }, "\(shown)")
        let jsx = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/out/src/components").filter { $0.hasSuffix(".jsx") }
        #expect(jsx.count == 1)
    }
}
