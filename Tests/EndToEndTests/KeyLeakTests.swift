import Foundation
import TestSupport
import Testing

/// A meeting run with an API key configured, then every place MockPilot writes searched for it:
/// the session database, the watched folder, an export, the events it printed, the log, and what a hook saw.
@Suite struct KeyLeakTests {
    static let key = "sk-test-secret-123"
    /// Sent by the second run; the stand-in server echoes a rejected key in its 401 message.
    static let wrongKey = "sk-live-WRONG-9f8e7d6c5b4a"

    func run(_ dir: URL, port: Int, key: String) throws -> Binary.Result {
        try Binary.run(
            ["run", "--transcript", dir.path + "/m.vtt", "--no-tui", "--out", dir.path + "/out", "--db", dir.path + "/db.sqlite"],
            environment: ["MOCKPILOT_LLM_BACKEND": "openai", "MOCKPILOT_LLM_MODEL": "good",
                          "MOCKPILOT_LLM_BASE_URL": "http://127.0.0.1:\(port)/v1", "OPENAI_API_KEY": key,
                          "MOCKPILOT_HOOKS_POST_GENERATE": "env >> '\(dir.path)/hook-env.txt'",
                          // The log file, searched with the rest.
                          "XDG_STATE_HOME": dir.path + "/state"])
    }

    @Test func theKeyIsNowhereMockPilotWrites() throws {
        let server = try ScriptServer(script: "scripts/reference/llm/fake_llm_api.py", arguments: ["--lifetime", "300", "--key", Self.key])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ana>Let's build a pill-shaped pay button like Stripe's.</v>\n"
        try vtt.write(to: dir.appendingPathComponent("m.vtt"), atomically: true, encoding: .utf8)

        let good = try run(dir, port: server.port, key: Self.key)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("component by good"), "the model must really have been used")
        let refused = try run(dir, port: server.port, key: Self.wrongKey)
        #expect(refused.status == 0, "\(refused.stderr)")
        #expect(refused.stdout.contains("refused the API key"), "\(refused.stdout)")

        let sessions = good.stdout.split(separator: "\n").compactMap { line -> String? in
            let event = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return (event?["status"] as? [String: Any])?["session_id"] as? String
        }
        let session = try #require(sessions.first)
        let export = try Binary.run(["export", session, "--to", dir.path + "/export", "--db", dir.path + "/db.sqlite"])
        #expect(export.status == 0, "\(export.stderr)")

        // The hook ran (twice) and saw the environment, minus the key.
        let hookEnv = try String(contentsOf: dir.appendingPathComponent("hook-env.txt"), encoding: .utf8)
        #expect(hookEnv.contains("MOCKPILOT_LLM_BACKEND=openai"))

        var searched: [String] = []
        let files = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey])
        while let file = files?.nextObject() as? URL {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  let data = try? Data(contentsOf: file) else { continue }
            searched.append(file.lastPathComponent)
            for key in [Self.key, Self.wrongKey] {
                #expect(data.range(of: Data(key.utf8)) == nil, "\(file.path) holds the key")
            }
        }
        #expect(searched.contains("db.sqlite") && searched.contains("mockpilot.manifest.json") && searched.contains("hook-env.txt")
                && searched.contains("mockpilot.log"))
        #expect(searched.contains { $0.hasSuffix(".jsx") } && searched.count > 6, "\(searched)")
        for output in [good.stdout, good.stderr, refused.stdout, refused.stderr, export.stdout, export.stderr] {
            #expect(!output.contains(Self.key) && !output.contains(Self.wrongKey))
        }
    }
}
