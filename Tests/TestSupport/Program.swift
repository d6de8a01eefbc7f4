import Foundation

/// Runs the tools the tests make fixtures with or compare against (sox, node, the reference
/// scripts in their venv) to their end.
public enum Program {
    /// A run that exited non-zero, with what it said on stderr.
    public struct Failure: Error, CustomStringConvertible {
        public var executable: String
        public var arguments: [String]
        public var status: Int32
        public var stderr: String
        public var description: String { "\(executable) \(arguments.joined(separator: " ")) exited \(status): \(stderr)" }
    }

    /// The program's stdout; a non-zero exit throws `Failure`. `stdin` (else nothing) is written
    /// and stderr read on threads of their own, so a program that answers as it reads, or says
    /// much on stderr, cannot block on a full pipe. `environment` is added to this process's.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], stdin: String? = nil,
                           environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        Thread.detachNewThread {
            if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
            try? input.fileHandleForWriting.close()
        }
        let errors = Drained(err.fileHandleForReading)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(executable: executable, arguments: arguments, status: process.terminationStatus,
                          stderr: String(decoding: errors.wait(), as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
