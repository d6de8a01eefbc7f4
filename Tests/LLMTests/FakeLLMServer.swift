import Foundation
import Net
@testable import LLM

/// The local fake OpenAI/Anthropic API (scripts/reference/llm/fake_llm_api.py) on a free
/// 127.0.0.1 port; it stops itself after `lifetime` seconds even if a test crashes.
final class FakeLLMServer: @unchecked Sendable {
    static let key = "sk-test-secret-123"
    let process = Process()
    let port: Int
    var openAIBase: String { "http://127.0.0.1:\(port)/v1" }
    var anthropicBase: String { "http://127.0.0.1:\(port)" }

    init(lifetime: Int = 40, stall: Double = 5) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.repoRoot.path + "/scripts/reference/llm/fake_llm_api.py",
                             "--lifetime", String(lifetime), "--stall", String(stall), "--key", Self.key]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile)
        }
        self.port = port
    }

    deinit { if process.isRunning { process.terminate() } }

    static var repoRoot: URL {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path), url.path != "/" {
            url.deleteLastPathComponent()
        }
        return url
    }

    /// Every request the server received: path, lower-cased headers, JSON body.
    func requests() async throws -> [JSONValue] {
        let response = try await HTTPClient().send(HTTPRequest(url: "http://127.0.0.1:\(port)/__requests"))
        return JSONValue.parse(response.text)?.array ?? []
    }

    /// A client for `provider` whose model name picks the server's scenario.
    func client(_ provider: LLMProvider, scenario: String, key: String = FakeLLMServer.key, timeout: Double = 10,
                maxAttempts: Int = 3, maxRetryWait: Double = 10) throws -> LLMClient {
        let base = provider == .anthropic ? anthropicBase : openAIBase
        return LLMClient(configuration: try LLMConfiguration(provider: provider, model: scenario, baseURL: base, apiKey: key,
                                                             timeoutSeconds: timeout, maxAttempts: maxAttempts,
                                                             maxRetryWait: maxRetryWait))
    }
}
