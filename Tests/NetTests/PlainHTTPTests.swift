import Foundation
import TestSupport
import Testing
@testable import Net

/// Where credentials may travel, and numbers from outside (headers, timeouts) read without a trap.
@Suite struct PlainHTTPTests {
    let client = HTTPClient()

    @Test func schemesAreCaseInsensitiveAndOnlyLoopbackMayBePlain() {
        #expect(PlainHTTP.normalized("HTTP://Example.com/A?b=C") == "http://Example.com/A?b=C")
        #expect(PlainHTTP.scheme(of: "HttpS://x") == "https")
        #expect(PlainHTTP.scheme(of: "localhost:8080") == nil)
        for url in ["https://api.example.com", "HTTPS://api.example.com", "http://localhost:9", "HTTP://LOCALHOST:9/v1",
                    "http://127.0.0.1:9", "http://[::1]:9", "http://app.localhost/x"] {
            #expect(PlainHTTP.keepsCredentialsPrivate(url), "\(url)")
        }
        for url in ["http://api.example.com", "HTTP://api.example.com", "http://127.evil.com", "http://localhost.evil.com",
                    "http://10.0.0.5:11434", "http://1270.0.0.1", "ftp://localhost", "api.example.com"] {
            #expect(!PlainHTTP.keepsCredentialsPrivate(url), "\(url)")
        }
    }

    /// 192.0.2.1 is TEST-NET-1: nothing answers there, so a connection attempt would take the
    /// whole 10 s connect timeout. The refusal comes first, at once, and names the rule.
    @Test(arguments: [
        HTTPRequest(method: "POST", url: "http://192.0.2.1/api/v1/access_token", headers: ["Authorization": "Basic dGVzdDp0ZXN0"]),
        HTTPRequest(url: "HTTP://192.0.2.1/v19.0/ig_hashtag_search?q=x&access_token=ig-token"),
        HTTPRequest(url: "http://192.0.2.1/v1/messages", headers: ["x-api-key": "sk-x"]),
    ])
    func credentialsAreNotSentOverPlainHTTPToAnotherMachine(request: HTTPRequest) async throws {
        let started = ContinuousClock.now
        let error = await #expect(throws: NetError.plainHTTP(url: request.url)) { _ = try await client.send(request) }
        #expect(ContinuousClock.now - started < .seconds(1))
        #expect(error?.localizedDescription.contains("over plain http") == true)
        #expect(error?.localizedDescription.contains("use https://, or http:// only for localhost") == true)
    }

    @Test func credentialsGoToLoopbackWhateverTheSchemesCase() async throws {
        let server = try FakeServer()
        let basic = Data("test-id:test-secret".utf8).base64EncodedString()
        let response = try await client.send(HTTPRequest(
            method: "POST", url: "HTTP://127.0.0.1:\(server.port)/api/v1/access_token",
            headers: ["Authorization": "Basic " + basic, "User-Agent": "mockpilot-tests"], body: Data("grant_type=client_credentials".utf8)))
        #expect(response.status == 200)
    }

    /// Timeouts are Doubles from settings and code; infinite, NaN or 1e300 must reach curl as a
    /// bounded number of milliseconds, not trap on the way.
    @Test(arguments: [Double.infinity, .nan, 1e300, -1])
    func absurdTimeoutsAreHeldToADay(timeout: Double) async throws {
        let server = try FakeServer()
        let response = try await client.send(HTTPRequest(url: server.base + "/__stats", connectTimeout: timeout, readTimeout: timeout))
        #expect(response.status == 200)
        #expect((1...86_400_000).contains(Transfer.milliseconds(timeout)))
        #expect(NetError.timedOut(url: "u", seconds: timeout).errorDescription?.hasPrefix("u did not answer within ") == true)
    }

    @Test func announcedWaitsAreClampedOrIgnored() {
        func wait(_ value: String, unit: Double = 1) -> Double? {
            HTTPResponse(status: 429, headers: ["retry-after": value], body: Data()).announcedWait("Retry-After", unit: unit)
        }
        #expect(wait("2.5") == 2.5)
        #expect(wait("1500", unit: 0.001) == 1.5)
        #expect(wait("1e300") == HTTPResponse.longestAnnouncedWait)
        #expect(wait("inf") == HTTPResponse.longestAnnouncedWait)
        #expect(wait("-inf") == 0 && wait("-5") == 0)
        #expect(wait("nan") == nil && wait("soon") == nil && wait("Wed, 21 Oct 2015 07:28:00 GMT") == nil)
        #expect(SecondsText.whole(1e300) == "over 31536000" && SecondsText.whole(.nan) == "?" && SecondsText.whole(2.1) == "3")
    }

    /// A server must not fill memory: past the request's limit the transfer stops with a reason.
    @Test func aBodyPastTheLimitStopsTheTransfer() async throws {
        let server = try FakeServer()
        var request = HTTPRequest(method: "POST", url: server.base + "/api/v1/access_token", body: Data("x".utf8))
        request.maxResponseBytes = 16
        let error = await #expect(throws: NetError.self) { _ = try await client.send(request) }
        #expect(error?.localizedDescription.hasSuffix("the answer is larger than 16 bytes, the most MockPilot takes") == true,
                "\(String(describing: error))")
        #expect(error?.isTransient == false)
        let whole = try await client.send(HTTPRequest(method: "POST", url: server.base + "/api/v1/access_token", body: Data("x".utf8)))
        #expect(whole.status == 401 && whole.body.count > 16)
    }
}
