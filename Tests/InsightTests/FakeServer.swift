import Foundation

/// The local fake Reddit/Instagram API (scripts/reference/insights/fake_social_api.py) on a
/// free 127.0.0.1 port; it stops itself after `lifetime` seconds even if a test crashes.
final class FakeServer: @unchecked Sendable {
    let process = Process()
    let port: Int
    var base: String { "http://127.0.0.1:\(port)" }

    init(lifetime: Int = 30, stall: Double = 4) throws {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path), url.path != "/" {
            url.deleteLastPathComponent()
        }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", url.path + "/scripts/reference/insights/fake_social_api.py",
                             "--lifetime", String(lifetime), "--stall", String(stall)]
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
}
