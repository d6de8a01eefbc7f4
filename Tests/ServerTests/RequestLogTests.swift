import Foundation
import Logging
import Logs
import Testing
@testable import Server

/// The log file `serve` writes, read after real requests: one line per request with its method,
/// path, status and time, and never the token, whether it came in a header or a query.
struct RequestLogTests {
    @Test func aRequestLeavesOneLineAndNoToken() async throws {
        let folder = NSTemporaryDirectory() + "mockpilot-requestlog-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try LogFile(path: folder + "/mockpilot/mockpilot.log")
        let logger = Logger(label: "mockpilot.serve") { FileLogHandler(label: $0, file: file, level: .info) }
        var token = ""
        try await RunningServer.with(logger: logger) { server in
            token = try await server.token()
            let reply = try await server.send("GET", "/openapi.json", token: token)
            #expect(reply.status == 200)
            // A browser's EventSource sends the token in the query; the session is unknown here.
            let events = try await server.send("GET", "/events?session=nope&token=\(token)", token: nil)
            #expect(events.status == 404)
        }
        let text = String(decoding: FileManager.default.contents(atPath: file.path) ?? Data(), as: UTF8.self)
        let lines = text.split(separator: "\n")
        let openAPI = lines.filter { $0.contains("path=/openapi.json") }
        #expect(openAPI.count == 1, "\(text)")
        let line = String(openAPI.first ?? "")
        #expect(line.contains(" info mockpilot.serve: request "), "\(line)")
        #expect(line.contains("method=GET") && line.contains("status=200") && line.contains("duration_ms="), "\(line)")
        #expect(lines.filter { $0.contains("path=/events ") || $0.hasSuffix("path=/events") }.count == 1, "\(text)")
        #expect(lines.contains { $0.contains("path=/events") && $0.contains("status=404") })
        #expect(!token.isEmpty)
        #expect(!text.contains(token), "the token is in the log")
        #expect(!text.contains("Bearer"))
        #expect(!text.contains("token="))
    }
}
