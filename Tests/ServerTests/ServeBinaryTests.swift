import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// `mockpilot serve` and `mockpilot token` as a user runs them: the binary prints the URL it
/// listens on, a token from `token` opens /generate, SIGTERM ends it cleanly.
@Suite(.serialized) struct ServeBinaryTests {
    /// `<repo>/.build/<config>/mockpilot`, next to the test bundle.
    static var binary: String {
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("mockpilot")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside.path }
        return Repository.root.appendingPathComponent(".build/debug/mockpilot").path
    }

    static let environment: [String: String] = {
        var env = ProcessInfo.processInfo.environment
        env["JWT_SECRET"] = "binary-test-secret-long-enough-for-hs256"
        // No user settings leak in: an empty config home; and the log goes to a state home of its own.
        env["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        env["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
        return env
    }()

    static let home = FileManager.default.temporaryDirectory.appendingPathComponent("serve-e2e-\(UUID().uuidString)")

    static func run(_ arguments: [String], environment: [String: String] = ServeBinaryTests.environment) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    /// `mockpilot serve` running in the background, its standard output read a line at a time.
    /// A server that never prints is ended after two minutes, so a read sees the end of its output
    /// and the test fails instead of hanging.
    final class Served {
        let process: Process
        let output: Pipe
        let watchdog: DispatchWorkItem

        init(_ arguments: [String], environment: [String: String]) throws {
            process = Process()
            process.executableURL = URL(fileURLWithPath: ServeBinaryTests.binary)
            process.arguments = arguments
            process.environment = environment
            output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let process = self.process
            watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
            DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        }

        /// The next `count` lines it prints (fewer if it ends first); reading blocks until they come.
        func lines(_ count: Int) async throws -> [String] {
            let handle = output.fileHandleForReading
            return try await Task.detached { () -> [String] in
                var lines: [String] = [], bytes = Data()
                while lines.count < count, let chunk = try handle.read(upToCount: 1), !chunk.isEmpty {
                    if chunk == Data("\n".utf8) {
                        lines.append(String(decoding: bytes, as: UTF8.self))
                        bytes = Data()
                    } else {
                        bytes.append(chunk)
                    }
                }
                return lines
            }.value
        }

        deinit {
            watchdog.cancel()
            if process.isRunning { process.terminate() }
        }
    }

    @Test func serveOnPortZeroPrintsItsURLAndATokenFromTokenWorks() async throws {
        let served = try Served(["serve", "--port", "0"], environment: Self.environment)
        let process = served.process
        // The first line says where it listens.
        let firstLine = try await served.lines(1).first ?? ""
        #expect(firstLine.hasPrefix("mockpilot serve: listening on http://127.0.0.1:"))
        let url = try #require(firstLine.split(separator: " ").last.map(String.init))
        #expect(!url.hasSuffix(":0"))

        let (status, token, _) = try Self.run(["token", "--minutes", "5"])
        #expect(status == 0)
        let bearer = token.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(bearer.split(separator: ".").count == 3)

        var request = URLRequest(url: try #require(URL(string: url + "/generate")))
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"spec_id": "c1.v1", "component": "button", "label": "Pay"}"#.utf8)
        request.setValue("Bearer " + bearer, forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let body = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(body["spec_id"] as? String == "c1.v1")
        #expect((body["jsx"] as? String)?.contains("Pay") == true)

        var unauthorised = URLRequest(url: try #require(URL(string: url + "/generate")))
        unauthorised.httpMethod = "POST"
        unauthorised.httpBody = request.httpBody
        let (_, refused) = try await URLSession.shared.data(for: unauthorised)
        #expect((refused as? HTTPURLResponse)?.statusCode == 401)

        // A second server on the same port says so in one line and exits non-zero.
        let port = try #require(url.split(separator: ":").last.map(String.init))
        let (busyStatus, busyOutput, busyErrors) = try Self.run(["serve", "--port", port])
        #expect(busyStatus != 0)
        #expect(busyOutput.isEmpty)
        #expect(busyErrors.contains("cannot serve on 127.0.0.1:\(port)") && busyErrors.contains("in use"), "\(busyErrors)")

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)

        // The binary logged both requests to its log file, without the token.
        let log = Self.home.appendingPathComponent("state/mockpilot/mockpilot.log")
        let text = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
        #expect(text.contains("request duration_ms="), "\(text)")
        #expect(text.split(separator: "\n").filter { $0.contains("method=POST path=/generate status=200") }.count == 1, "\(text)")
        #expect(text.contains("method=POST path=/generate status=401"))
        #expect(!text.contains(bearer))
    }

    /// `--open` without a display prints the preview's URL (opening nothing): the page answers,
    /// and the token in its fragment opens the data routes.
    @Test func serveOpenPrintsThePreviewsURLWithAToken() async throws {
        var environment = Self.environment
        environment["DISPLAY"] = nil
        environment["WAYLAND_DISPLAY"] = nil
        let served = try Served(["serve", "--port", "0", "--open"], environment: environment)
        let process = served.process
        let lines = try await served.lines(2)
        #expect(lines.count == 2, "\(lines)")
        let base = try #require(lines.first?.split(separator: " ").last.map(String.init))
        let prefix = "mockpilot serve: live preview at \(base)/preview#token="
        let second = lines.count > 1 ? lines[1] : ""
        #expect(second.hasPrefix(prefix), "\(second)")
        let token = String(second.dropFirst(prefix.count))
        #expect(token.split(separator: ".").count == 3)

        let (page, pageResponse) = try await URLSession.shared.data(from: try #require(URL(string: base + "/preview")))
        #expect((pageResponse as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: page, as: UTF8.self).contains("MockPilot live preview"))
        var sessions = URLRequest(url: try #require(URL(string: base + "/openapi.json")))
        sessions.setValue("Bearer " + token, forHTTPHeaderField: "Authorization")
        let (_, sessionsResponse) = try await URLSession.shared.data(for: sessions)
        #expect((sessionsResponse as? HTTPURLResponse)?.statusCode == 200)
        process.terminate()
        process.waitUntilExit()
    }

    @Test func aNonLoopbackHostWithoutJWTSecretIsRefusedInOneLine() throws {
        var environment = Self.environment
        environment["JWT_SECRET"] = nil
        let (status, output, errors) = try Self.run(["serve", "--host", "0.0.0.0", "--port", "0"], environment: environment)
        #expect(status != 0)
        #expect(output.isEmpty)
        let lines = errors.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(errors.contains("refusing to listen on 0.0.0.0 without JWT_SECRET"))
    }

    @Test func tokenWithoutASecretSaysWhatToSet() throws {
        var environment = Self.environment
        environment["JWT_SECRET"] = nil
        let (status, output, errors) = try Self.run(["token"], environment: environment)
        #expect(status != 0)
        #expect(output.isEmpty)
        #expect(errors.contains("no JWT_SECRET"))
    }
}
