import Foundation

/// A stand-in server from scripts/reference/ (Python stdlib) on a free 127.0.0.1 port, for tests
/// that must talk HTTP to an API that cannot be reached here. The script prints its port on the
/// first line of stdout, stops itself after its lifetime, and exits with the test process.
public final class ScriptServer: @unchecked Sendable {
    public let process = Process()
    public let port: Int
    public var base: String { "http://127.0.0.1:\(port)" }

    /// `script` is relative to the repository root, e.g. "scripts/reference/llm/fake_llm_api.py".
    public init(script: String, arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.root.appendingPathComponent(script).path] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(script) printed no port"])
        }
        self.port = port
    }

    deinit { if process.isRunning { process.terminate() } }
}

/// The fake Reddit/Instagram API (scripts/reference/insights/fake_social_api.py).
public final class FakeServer: @unchecked Sendable {
    public let server: ScriptServer
    public var port: Int { server.port }
    public var base: String { server.base }

    public init(lifetime: Int = 600, stall: Double = 4) throws {
        server = try ScriptServer(script: "scripts/reference/insights/fake_social_api.py",
                                  arguments: ["--lifetime", String(lifetime), "--stall", String(stall)])
    }
}
