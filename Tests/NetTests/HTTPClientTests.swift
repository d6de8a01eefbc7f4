import Foundation
import TestSupport
import Testing
@testable import Net

@Suite struct HTTPClientTests {
    let client = HTTPClient()

    @Test func postReturnsStatusHeadersAndBody() async throws {
        let server = try FakeServer()
        let basic = Data("test-id:test-secret".utf8).base64EncodedString()
        let response = try await client.send(HTTPRequest(
            method: "POST", url: server.base + "/api/v1/access_token",
            headers: ["Authorization": "Basic " + basic, "User-Agent": "linux:mockpilot-tests:0.1 (by /u/mockpilot)"],
            body: Data("grant_type=client_credentials".utf8)))
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json; charset=UTF-8")
        #expect(response.text.contains("\"access_token\": \"fake-app-only-token\""))
    }

    @Test func errorStatusesAreResponsesNotThrows() async throws {
        let server = try FakeServer()
        let response = try await client.send(HTTPRequest(
            url: server.base + "/search?q=x", headers: ["User-Agent": "mockpilot-tests", "Authorization": "Bearer wrong"]))
        #expect(response.status == 401)
    }

    @Test func stallPastReadTimeoutThrowsTimedOut() async throws {
        let server = try FakeServer(stall: 15)
        let token = "Bearer fake-app-only-token"
        await #expect(throws: NetError.timedOut(url: server.base + "/search?q=stall", seconds: 1)) {
            _ = try await client.send(HTTPRequest(
                url: server.base + "/search?q=stall", headers: ["User-Agent": "t", "Authorization": token], readTimeout: 1))
        }
    }

    @Test func cancellingAbortsAStalledRequest() async throws {
        let server = try FakeServer(stall: 20)
        let request = HTTPRequest(url: server.base + "/search?q=stall",
                                  headers: ["User-Agent": "t", "Authorization": "Bearer fake-app-only-token"], readTimeout: 20)
        let task = Task { try await client.send(request) }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        await #expect(throws: NetError.cancelled(url: request.url)) { _ = try await task.value }
    }

    @Test func refusedConnectionIsReported() async throws {
        // Port 9 (discard) on loopback has no listener here.
        let error = await #expect(throws: NetError.self) {
            _ = try await client.send(HTTPRequest(url: "http://127.0.0.1:9/", connectTimeout: 2))
        }
        #expect(error?.isTransient == true)
    }
}
