import Foundation
import Testing

/// `mockpilot check` as a user runs it: the built binary, real files, exit codes.
struct CheckCommandTests {
    static var binary: URL { CorpusBuilder.repository.appendingPathComponent(".build/debug/mockpilot") }

    func run(_ arguments: [String], stdin: String = "") throws -> (status: Int32, out: String, err: String) {
        let process = Process()
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

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)))
    func printsOkForACleanComponent() throws {
        let file = CorpusBuilder.repository.appendingPathComponent("Tests/JSXTests/Corpus/TodoList.jsx")
        let result = try run([file.path])
        #expect(result.status == 0)
        #expect(result.out == "ok\n")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)))
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

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)))
    func syntaxErrorsAndMissingFilesAreOneLine() throws {
        let broken = try run(["-"], stdin: "const a = <div>\n  <p>hi</span>\n</div>;\n")
        #expect(broken.status == 1)
        #expect(broken.out == "<stdin>:2:10: expected corresponding JSX closing tag for <p>\n")
        let missing = try run(["/nonexistent/Card.jsx"])
        #expect(missing.status != 0)
        #expect(missing.err.contains("/nonexistent/Card.jsx: cannot read the file"))
    }
}
