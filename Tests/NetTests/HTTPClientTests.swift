import Foundation
import TestSupport
import Testing
@testable import Net

@Suite struct HTTPClientTests {
    let client = HTTPClient()

    /// Asks the stand-in for an app-only token, as the Reddit client does before searching.
    func token(from server: FakeServer) async throws -> HTTPResponse {
        let basic = Data("test-id:test-secret".utf8).base64EncodedString()
        return try await client.send(HTTPRequest(
            method: "POST", url: server.base + "/api/v1/access_token",
            headers: ["Authorization": "Basic " + basic, "User-Agent": "linux:mockpilot-tests:0.1 (by /u/mockpilot)"],
            body: Data("grant_type=client_credentials".utf8)))
    }

    func bearer(from server: FakeServer) async throws -> String {
        let body = try await token(from: server).body
        let json = try JSONSerialization.jsonObject(with: body) as? [String: Any]
        return "Bearer " + (json?["access_token"] as? String ?? "")
    }

    @Test func postReturnsStatusHeadersAndBody() async throws {
        let server = try FakeServer()
        let response = try await token(from: server)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json; charset=UTF-8")
        #expect(response.text.contains("\"access_token\": \"fake-token-1\""))
    }

    @Test func errorStatusesAreResponsesNotThrows() async throws {
        let server = try FakeServer()
        let response = try await client.send(HTTPRequest(
            url: server.base + "/search?q=x", headers: ["User-Agent": "mockpilot-tests", "Authorization": "Bearer wrong"]))
        #expect(response.status == 401)
    }

    @Test func stallPastReadTimeoutThrowsTimedOut() async throws {
        let server = try FakeServer(stall: 15)
        let token = try await bearer(from: server)
        await #expect(throws: NetError.timedOut(url: server.base + "/search?q=stall", seconds: 1)) {
            _ = try await client.send(HTTPRequest(
                url: server.base + "/search?q=stall", headers: ["User-Agent": "t", "Authorization": token], readTimeout: 1))
        }
    }

    @Test func cancellingAbortsAStalledRequest() async throws {
        let server = try FakeServer(stall: 20)
        let request = HTTPRequest(url: server.base + "/search?q=stall",
                                  headers: ["User-Agent": "t", "Authorization": try await bearer(from: server)], readTimeout: 20)
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

/// Redirects are followed by HTTPClient, never by curl, so a key header only reaches its own server.
@Suite struct HTTPRedirectTests {
    let client = HTTPClient()
    static let script = "scripts/reference/llm/fake_llm_api.py"

    /// Server B, and server A whose model "redirect-other" is sent to B (another port: another origin).
    func servers() throws -> (a: ScriptServer, b: ScriptServer) {
        let b = try ScriptServer(script: Self.script, arguments: ["--lifetime", "120", "--key", "k-test-0001"])
        let a = try ScriptServer(script: Self.script, arguments: ["--lifetime", "120", "--key", "k-test-0001",
                                                                  "--redirect-to", b.base])
        return (a, b)
    }

    func requestsSeen(by server: ScriptServer) async throws -> String {
        try await client.send(HTTPRequest(url: server.base + "/__requests")).text
    }

    func post(_ base: String, model: String, headers: [String: String]) -> HTTPRequest {
        HTTPRequest(method: "POST", url: base + "/v1/chat/completions", headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a },
                    body: Data(#"{"model": "\#(model)", "messages": []}"#.utf8))
    }

    @Test func aRequestWithAKeyIsNotFollowedToAnotherOrigin() async throws {
        let (a, b) = try servers()
        let response = try await client.send(post(a.base, model: "redirect-other", headers: ["x-api-key": "k-test-0001"]))
        #expect(response.status == 307)
        #expect(response.header("location") == b.base + "/v1/chat/completions")
        #expect(try await requestsSeen(by: b) == "[]")
    }

    @Test func aRequestWithoutCredentialsIsFollowedAnywhere() async throws {
        let (a, b) = try servers()
        let response = try await client.send(post(a.base, model: "redirect-other", headers: [:]))
        // B answers for itself (no key: 401), so the body and method went with the 307.
        #expect(response.status == 401)
        #expect(try await requestsSeen(by: b).contains("redirect-other"))
    }

    @Test func aSameOriginRedirectKeepsTheKeyAndTheBody() async throws {
        let (a, _) = try servers()
        let response = try await client.send(post(a.base, model: "redirect-same",
                                                   headers: ["Authorization": "Bearer k-test-0001"]))
        #expect(response.status == 200, "\(response.text)")
        #expect(response.text.contains("chat.completion"))
    }

    @Test func neverMeansTheRedirectComesBack() async throws {
        let (a, _) = try servers()
        var request = post(a.base, model: "redirect-same", headers: [:])
        request.redirects = .never
        #expect(try await client.send(request).status == 307)
    }

    @Test func httpsIsNeverFollowedDownToHTTP() {
        let request = HTTPRequest(url: "https://api.example.com/v1/x")
        let response = HTTPResponse(status: 302, headers: ["location": "http://api.example.com/v1/x"], body: Data())
        #expect(HTTPClient.redirect(from: request, response: response, original: request) == nil)
        let upgrade = HTTPResponse(status: 302, headers: ["location": "https://www.example.com/v1/x"], body: Data())
        #expect(HTTPClient.redirect(from: request, response: upgrade, original: request)?.url == "https://www.example.com/v1/x")
    }
}
