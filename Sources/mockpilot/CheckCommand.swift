import ArgumentParser
import Foundation
import JSX

/// `mockpilot check FILE.jsx|-`: parses a component and runs the sanitiser, printing `ok` or every problem.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a JSX component: syntax, then the safety rules (no eval, no network, no raw HTML...).",
        discussion: "Prints `ok`, or one `FILE:LINE:COL: reason` line per problem and exits 1."
    )

    @Argument(help: "The .jsx file to check, or - for standard input.")
    var file: String

    @Option(name: .customLong("allow-import"), help: "A module components may import besides react (repeatable).")
    var allowImports: [String] = []

    func run() throws {
        let data: Data
        let label = file == "-" ? "<stdin>" : file
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw ValidationError(JSXError.unreadable(path: file, reason: error.localizedDescription).localizedDescription)
            }
        }
        let source = String(decoding: data, as: UTF8.self)
        let checker = JSXChecker(allowedImports: Set(["react"] + allowImports))
        let diagnostics = checker.check(source)
        if diagnostics.isEmpty {
            print("ok")
            return
        }
        for d in diagnostics {
            let rule = d.rule.map { " [\($0)]" } ?? ""
            print("\(label):\(d.line):\(d.column): \(d.message)\(rule)")
        }
        throw ExitCode(1)
    }
}
