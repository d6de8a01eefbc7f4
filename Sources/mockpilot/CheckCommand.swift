import ArgumentParser
import Foundation
import JSX

/// `mockpilot check FILE.jsx|-`: parses a component and runs the sanitiser, printing `ok` or every problem.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check JSX components: syntax, then the safety rules (no eval, no network, no raw HTML...).",
        discussion: """
        Prints `ok`, or one `FILE:LINE:COL: reason [rule]` line per problem, and exits 1 if any file \
        has a problem. With several files each clean one prints `FILE: ok`. Imports are allowed as \
        output.allowed_imports in the settings says (as `run` and `generate` write by), plus --allow-import.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The .jsx files to check, or - for standard input.")
    var files: [String]

    @Option(name: .customLong("allow-import"), help: "A module components may import besides react (repeatable).")
    var allowImports: [String] = []

    @Flag(help: "Print how many bytes were checked and how fast, on standard error.")
    var stats = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give a .jsx file to check, or - for standard input") }
    }

    func run() throws {
        let checker = JSXChecker(allowedImports: Set(try global.settings().allowedImports + allowImports))
        var failed = 0
        var bytes = 0
        var seconds = 0.0
        for file in files {
            let label = file == "-" ? "<stdin>" : file
            let source = try read(file)
            bytes += source.utf8.count
            let started = Date()
            let diagnostics = checker.check(source)
            seconds += Date().timeIntervalSince(started)
            if diagnostics.isEmpty {
                print(files.count == 1 ? "ok" : "\(label): ok")
                continue
            }
            failed += 1
            for d in diagnostics {
                let rule = d.rule.map { " [\($0)]" } ?? ""
                print("\(label):\(d.line):\(d.column): \(d.message)\(rule)")
            }
        }
        if stats {
            let mb = Double(bytes) / 1_000_000
            let line = String(format: "checked %d files, %.2f MB in %.3f s (%.2f MB/s), %d with problems\n",
                              files.count, mb, seconds, mb / max(seconds, 1e-9), failed)
            FileHandle.standardError.write(Data(line.utf8))
        }
        if failed > 0 { throw ExitCode(1) }
    }

    func read(_ file: String) throws -> String {
        if file == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        do {
            return String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)
        } catch {
            throw ValidationError(JSXError.unreadable(path: file, reason: error.localizedDescription).localizedDescription)
        }
    }
}
