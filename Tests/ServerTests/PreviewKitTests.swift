import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport

/// The preview kit (preview/src, as `MOCKPILOT_SERVE=URL npm run dev` shows it) following the real
/// `mockpilot serve`: scripts/preview-check.sh builds the kit's page with esbuild standing in for
/// Vite, a static server gives it an origin of its own (one the server allows, as Vite's dev
/// server would be), and headless Chromium opens it (Client/preview_browser.py). A component
/// made after the page opened (`POST /generate`) gets a card, rendered in the server's sandboxed
/// frame, with no file written: the kit's components folder stays empty.
@Suite(.serialized) struct PreviewKitTests {
    /// `python3 -m http.server` on a free loopback port, serving `directory`.
    final class StaticServer {
        let process = Process()
        let url: String

        init(serving directory: URL) async throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", directory.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
            let handle = output.fileHandleForReading
            let line = try await StreamClient.blocking { () -> String in
                var bytes = Data()
                while let byte = try handle.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { bytes.append(byte) }
                return String(decoding: bytes, as: UTF8.self)
            }
            guard let port = line.split(separator: " ").dropFirst(5).first.flatMap({ Int($0) }) else {
                kill(process.processIdentifier, SIGKILL)
                throw TestFailure("python3 -m http.server did not say its port: \(line)")
            }
            url = "http://127.0.0.1:\(port)"
        }

        /// Ends it with SIGKILL: a child of the test process starts with SIGTERM and SIGINT
        /// blocked (the mask of the thread that spawned it), and Python does not unblock them.
        func stop() {
            guard process.isRunning else { return }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        deinit { stop() }
    }

    @Test func aGeneratedComponentAppearsInTheKitWithoutAFile() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("preview-kit-\(UUID().uuidString)")
        let components = home.appendingPathComponent("out/src/components")
        let page = home.appendingPathComponent("page")
        try FileManager.default.createDirectory(at: components, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: page, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }

        let site = try await StaticServer(serving: page)
        var environment = ServeBinaryTests.environment
        environment["MOCKPILOT_SERVER_ALLOWED_ORIGINS"] = "[\"\(site.url)\"]"
        environment["MOCKPILOT_STORE_DATABASE"] = home.appendingPathComponent("sessions.sqlite").path
        // A log of its own: ServeBinaryTests counts the lines of the log it shares with its own servers.
        environment["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
        let served = try ServeBinaryTests.Served(["serve", "--port", "0"], environment: environment)
        let firstLine = try await served.lines(1).first ?? ""
        let base = try #require(firstLine.split(separator: " ").last.map(String.init), "serve printed no URL: \(firstLine)")

        let built = try Program.run("/bin/bash", [Repository.root.path + "/scripts/preview-check.sh", components.path, page.path],
                                    environment: ["MOCKPILOT_SERVE": base])
        #expect(built.contains("preview: page \(page.path)/index.html"), "\(built)")
        let (tokenStatus, token, _) = try ServeBinaryTests.run(["token", "--minutes", "10"])
        #expect(tokenStatus == 0)

        let spec = #"{"spec_id": "c8.v1", "component": "button", "label": "Pay with quokka"}"#
        let python = try await StreamClient.blocking { try ReferencePython.websockets() }
        let pageURL = site.url + "/index.html"
        let output = try await StreamClient.blocking {
            try Program.run(python, [StreamClient.folder + "/preview_browser.py", base, token.trimmingCharacters(in: .whitespacesAndNewlines),
                                     spec, "Pay with quokka", pageURL])
        }
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output.prefix(400))")
        #expect(seen["state"] as? String == "following", "the kit never followed /events: \(output)")
        #expect(seen["generate"] as? Int == 200)
        #expect((seen["problems"] as? [String])?.isEmpty == true, "\(output)")
        let cards = seen["cards"] as? [String] ?? []
        #expect(cards.contains { $0.hasSuffix("c8.v1") }, "\(cards)")
        let frames = seen["frames"] as? [String] ?? []
        #expect(frames.contains { $0.contains("Pay with quokka") }, "\(output)")
        #expect(!(seen["address"] as? String ?? "token").contains("token"), "\(output)")
        // Nothing was written for it: the kit's folder is as empty as it began.
        #expect(try FileManager.default.contentsOfDirectory(atPath: components.path).isEmpty)
        served.process.terminate()
        served.process.waitUntilExit()
        site.stop()
    }
}
