import Foundation
import TestSupport

/// Runs the built `mockpilot` binary the way a user would, and collects what it printed.
struct Binary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `<repo>/.build/<config>/mockpilot`, found next to the test bundle.
    static var path: String {
        let dir = Repository.root
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [bundle.appendingPathComponent("mockpilot"), dir.appendingPathComponent(".build/debug/mockpilot")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate.path
        }
        return dir.appendingPathComponent(".build/debug/mockpilot").path
    }

    /// A state folder for this test process's runs (their log), unless a test sets its own.
    static let stateHome: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mockpilot-tests-state-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }()

    /// Runs the binary to its end. A run past `timeout` is killed and reported as failed (status
    /// -1, the reason in stderr), so a hang fails its test instead of stalling the whole suite.
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    directory: URL? = nil, timeout: TimeInterval = 600) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        // The binary logs under $XDG_STATE_HOME: tests keep theirs out of the user's own log.
        env["XDG_STATE_HOME"] = stateHome
        env.merge(environment) { _, new in new }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let killed = Flag()
        let watchdog = DispatchWorkItem {
            guard process.isRunning else { return }
            killed.set()
            process.terminate()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        // Both pipes are drained at once: a child that fills one while we wait on the other would block.
        let errData = Drained(err.fileHandleForReading)
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        let timedOut = killed.isSet
        var stderr = String(decoding: errData.wait(), as: UTF8.self)
        if timedOut { stderr += "\n[test] mockpilot \(arguments.joined(separator: " ")) did not end within \(Int(timeout)) s and was killed" }
        return Result(status: timedOut ? -1 : process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: stderr)
    }
}

/// Set once, from the watchdog's thread.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
