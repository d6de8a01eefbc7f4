import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// Schemathesis (PyPI, pinned in `ReferencePython.schemathesis`) reads the real binary's
/// `/openapi.json` and sends every documented operation the examples, the boundary cases and
/// the random bodies, paths and queries it derives from the document, with a token. No answer
/// may be a 5xx: bad input is the client's fault and says so in a 4xx.
@Suite(.serialized) struct SchemathesisTests {
    /// Cases per operation and the seed: the same cases every run, about 35 s on two cores.
    static let examples = 40
    static let seed = 20261206

    @Test func fuzzingEveryDocumentedOperationFindsNoServerError() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("schemathesis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        // A post store with posts in it (`mine` from a dump, embedded by MiniLM), so /search
        // answers instead of its documented 503 "no post database", which would count as a server
        // error; and a session database of the test's own.
        let posts = home.appendingPathComponent("posts.sqlite").path
        let dump = home.appendingPathComponent("dump.jsonl")
        let titles = ["The pill button looks great", "That checkout form is awful", "Dark mode navbar, so clean",
                      "Pricing table feels cluttered", "Love the gradient hero", "The modal blocks everything"]
        let lines = titles.enumerated().map { index, title in
            #"{"id": "s\#(index)", "author": "u", "subreddit": "web_design", "title": "\#(title)", "selftext": "", "#
                + #""created_utc": \#(1_700_000_000 + index), "score": \#(index), "permalink": "/r/web_design/comments/s\#(index)/"}"#
        }
        try (lines.joined(separator: "\n") + "\n").write(to: dump, atomically: true, encoding: .utf8)
        let (mined, _, mineErrors) = try ServeBinaryTests.run(["mine", "x", "--source", dump.path, "--db", posts])
        #expect(mined == 0, "\(mineErrors)")
        var environment = ServeBinaryTests.environment
        environment["MOCKPILOT_STORE_DATABASE"] = home.appendingPathComponent("sessions.sqlite").path
        // A log of its own: ServeBinaryTests counts the lines of the log it shares with its own servers.
        environment["XDG_STATE_HOME"] = home.appendingPathComponent("state").path

        let served = try ServeBinaryTests.Served(["serve", "--port", "0", "--db", posts], environment: environment)
        let firstLine = try await served.lines(1).first ?? ""
        let base = try #require(firstLine.split(separator: " ").last.map(String.init), "serve printed no URL: \(firstLine)")
        let (tokenStatus, token, _) = try ServeBinaryTests.run(["token", "--minutes", "15"])
        #expect(tokenStatus == 0)
        let bearer = token.trimmingCharacters(in: .whitespacesAndNewlines)

        let python = try await StreamClient.blocking { try ReferencePython.schemathesis() }
        let command = URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent("schemathesis").path
        let arguments = [
            "run", base + "/openapi.json", "--header", "Authorization: Bearer " + bearer,
            // Every check but two (not_a_server_error and unsupported_method, a method a route does
            // not take being 405 with `Allow`, are in). negative_data_rejection: unknown fields and
            // wrong types of fields a route does not read are ignored (/classify), and an empty
            // /extract body is no lines. positive_data_acceptance: the document cannot say all the
            // server refuses, e.g. a text/plain /extract line that starts with "{" is read as JSON,
            // and a query of only U+0085 is blank to the server but not to the generator's `\S`.
            "--checks", "all", "--exclude-checks", "negative_data_rejection,positive_data_acceptance",
            "--max-examples", String(Self.examples), "--seed", String(Self.seed), "--generation-database", "none",
            "--workers", "1", "--request-timeout", "20", "--no-color",
            // /stream is a WebSocket (an HTTP GET of it is only ever 426) and /events is Server-Sent
            // Events (with session=all it never ends): neither is a request-response operation.
            "--exclude-path", "/stream", "--exclude-path", "/events",
        ]
        let (status, output) = try await StreamClient.blocking { try Self.run(command, arguments, in: home) }
        #expect(status == 0, "schemathesis found a failure:\n\(output)")
        #expect(served.process.isRunning, "the server ended during the run:\n\(output)")

        // The server's own count agrees: no request it answered was a 5xx, and it answered many.
        let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: base + "/metrics")))
        let counts = String(decoding: data, as: UTF8.self).split(separator: "\n")
            .filter { $0.hasPrefix("mockpilot_http_requests_total{") }
        let serverErrors = counts.filter { $0.contains("status=\"5") }
        #expect(serverErrors.isEmpty, "\(serverErrors)")
        let answered = counts.compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }.reduce(0, +)
        #expect(answered > 10 * Self.examples, "only \(answered) requests reached the server:\n\(output)")
        served.process.terminate()
        served.process.waitUntilExit()
    }

    /// Runs `executable` in `directory` to its end; its status and its stdout and stderr together.
    static func run(_ executable: String, _ arguments: [String], in directory: URL) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
