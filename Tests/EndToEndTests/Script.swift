import Foundation
import TestSupport

/// Runs the repository's shell scripts (the render and preview checks) as `make test` would.
enum Script {
    /// Runs `path`, relative to the repository, with bash to its end. Its stdout and stderr come
    /// back together in `stdout`, in the order it wrote them: a check's verdicts are on both.
    static func run(_ path: String, _ arguments: [String]) throws -> Binary.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Repository.root.appendingPathComponent(path).path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Binary.Result(status: process.terminationStatus, stdout: text, stderr: "")
    }
}
