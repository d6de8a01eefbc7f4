import Foundation
import TestSupport
import Testing

/// `mockpilot check` as a user runs it: the built binary, real files, exit codes.
struct CheckCommandTests {
    static var binary: URL { Repository.root.appendingPathComponent(".build/debug/mockpilot") }

    /// Under `make test` the binary is always built first: a missing one is a failure, not a skip.
    func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path),
                     "\(Self.binary.path) is missing: run `swift build` before the tests")
        let process = Process()
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.executableURL = Self.binary
        process.arguments = ["check"] + arguments
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, out, err)
    }

    @Test
    func printsOkForACleanComponent() throws {
        let file = Repository.root.appendingPathComponent("Tests/JSXTests/Corpus/TodoList.jsx")
        let result = try run([file.path])
        #expect(result.status == 0)
        #expect(result.out == "ok\n")
    }

    @Test
    func printsEveryProblemWithFileLineColumnAndExitsNonZero() throws {
        let source = "import x from \"left-pad\";\nexport default () => <div onClick=\"go()\">{eval(\"1\")}</div>;\n"
        let result = try run(["-"], stdin: source)
        #expect(result.status == 1)
        #expect(result.out.split(separator: "\n") == [
            "<stdin>:1:1: import of 'left-pad' is not allowed: components may only import react [import]",
            "<stdin>:2:27: onClick is a string: event handlers must be functions, a string would be run as code [string-handler]",
            "<stdin>:2:43: eval is not allowed: it runs code built from strings [dynamic-code]",
        ])
    }

    @Test
    func syntaxErrorsAndMissingFilesAreOneLine() throws {
        let broken = try run(["-"], stdin: "const a = <div>\n  <p>hi</span>\n</div>;\n")
        #expect(broken.status == 1)
        #expect(broken.out == "<stdin>:2:10: expected corresponding JSX closing tag for <p>\n")
        let missing = try run(["/nonexistent/Card.jsx"])
        #expect(missing.status != 0)
        #expect(missing.err.contains("/nonexistent/Card.jsx: cannot read the file"))
    }

    /// `check` reads output.allowed_imports like `run` and `generate`, so all three agree.
    @Test func importsFollowTheSettings() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("mockpilot.conf")
        try "[output]\nallowed_imports = [\"react\", \"framer-motion\"]\n".write(to: config, atomically: true, encoding: .utf8)
        let source = "import { motion } from \"framer-motion\";\nexport default () => <motion.div />;\n"
        let allowed = try run(["--config", config.path, "-"], stdin: source)
        #expect(allowed.status == 0 && allowed.out == "ok\n", "\(allowed)")
        let fromEnvironment = try run(["-"], stdin: source, environment: ["MOCKPILOT_OUTPUT_ALLOWED_IMPORTS": "[\"react\", \"framer-motion\"]"])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment)")
        let defaults = try run(["-"], stdin: source)
        #expect(defaults.status == 1)
        #expect(defaults.out == "<stdin>:1:1: import of 'framer-motion' is not allowed: components may only import react [import]\n")
    }
}
