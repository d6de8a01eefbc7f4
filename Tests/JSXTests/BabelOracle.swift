import Foundation
import TestSupport

/// Babel's accept/reject verdict for many files, from one node process (Debian's node-babel7).
enum BabelOracle {
    struct Verdict: Decodable {
        var ok: Bool
        var line: Int?
        var column: Int?
        var message: String?
    }

    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    static func verdicts(for files: [URL]) throws -> [String: Verdict] {
        let script = Repository.root.appendingPathComponent("Tests/JSXTests/babel-verdicts.js")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", script.path]
        var env = ProcessInfo.processInfo.environment
        env["NODE_PATH"] = "/usr/share/nodejs"
        process.environment = env
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(files.map(\.path).joined(separator: "\n").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Unavailable(description: "node + @babel/parser failed (install nodejs and node-babel7): \(String(decoding: err, as: UTF8.self))")
        }
        return try JSONDecoder().decode([String: Verdict].self, from: data)
    }
}
