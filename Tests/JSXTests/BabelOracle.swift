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
        let output: String
        do {
            output = try Program.run("/usr/bin/env", ["node", script.path], stdin: files.map(\.path).joined(separator: "\n"),
                                     environment: ["NODE_PATH": "/usr/share/nodejs"])
        } catch let failure as Program.Failure {
            throw Unavailable(description: "node + @babel/parser failed (install nodejs and node-babel7): \(failure.stderr)")
        }
        return try JSONDecoder().decode([String: Verdict].self, from: Data(output.utf8))
    }
}
