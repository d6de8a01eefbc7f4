import Foundation
import Testing
@testable import Server

/// Bearer tokens and the CORS allowlist, over real HTTP.
@Suite(.serialized) struct AccessTests {
    static let spec = #"{"spec_id": "c1.v1", "component": "button"}"#

    @Test func aGoodTokenIsLetIn() async throws {
        try await RunningServer.with { server in
            let reply = try await server.send("POST", "/generate", body: Data(Self.spec.utf8), token: try await server.token())
            #expect(reply.status == 200)
        }
    }

    @Test func aMissingTokenIs401WithAJSONError() async throws {
        try await RunningServer.with { server in
            for (method, path) in [("POST", "/generate"), ("GET", "/search?query=x"), ("POST", "/classify"), ("POST", "/extract"),
                                   ("GET", "/openapi.json")] {
                // FoundationNetworking refuses a GET with a body before sending it.
                let reply = try await server.send(method, path, body: method == "POST" ? Data(Self.spec.utf8) : nil, token: nil)
                #expect(reply.status == 401, "\(method) \(path)")
                #expect(reply.error.contains("missing"), "\(method) \(path)")
                #expect(reply.object["status"] as? Int == 401)
                #expect(reply.headers["www-authenticate"] == "Bearer")
            }
        }
    }

    @Test func anExpiredTokenIs401() async throws {
        try await RunningServer.with { server in
            let old = try await server.token(lifetime: 60, now: Date().addingTimeInterval(-3600))
            let reply = try await server.send("POST", "/generate", body: Data(Self.spec.utf8), token: old)
            #expect(reply.status == 401)
            #expect(reply.error.contains("expired"))
        }
    }

    @Test func aTokenSignedWithAnotherSecretIs401() async throws {
        try await RunningServer.with { server in
            let forged = try await server.token(secret: "some-other-secret-of-the-same-length-as-ours")
            let reply = try await server.send("POST", "/generate", body: Data(Self.spec.utf8), token: forged)
            #expect(reply.status == 401)
            #expect(reply.error.contains("not signed"))
            let garbage = try await server.send("POST", "/generate", body: Data(Self.spec.utf8), token: "not.a.jwt")
            #expect(garbage.status == 401)
        }
    }

    @Test func healthAndMetricsNeedNoToken() async throws {
        try await RunningServer.with { server in
            let reply1 = try await server.send("GET", "/health", token: nil)
            #expect(reply1.status == 200)
            let reply2 = try await server.send("GET", "/metrics", token: nil)
            #expect(reply2.status == 200)
        }
    }

    @Test func aPreflightFromAnAllowedOriginIsAnswered() async throws {
        try await RunningServer.with(allowedOrigins: ["http://localhost:5173"]) { server in
            let reply = try await server.send("OPTIONS", "/generate", token: nil, headers: [
                "Origin": "http://localhost:5173", "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization, content-type",
            ])
            #expect(reply.status == 204)
            #expect(reply.headers["access-control-allow-origin"] == "http://localhost:5173")
            #expect(reply.headers["access-control-allow-headers"]?.contains("Authorization") == true)
            #expect(reply.headers["access-control-allow-methods"]?.contains("POST") == true)
            // The real request from that origin carries the header the browser checks.
            let post = try await server.authorised("POST", "/generate", body: Self.spec, headers: ["Origin": "http://localhost:5173"])
            #expect(post.status == 200)
            #expect(post.headers["access-control-allow-origin"] == "http://localhost:5173")
        }
    }

    @Test func aPreflightFromAnotherOriginIsRefused() async throws {
        try await RunningServer.with(allowedOrigins: ["http://localhost:5173"]) { server in
            let reply = try await server.send("OPTIONS", "/generate", token: nil, headers: [
                "Origin": "https://evil.example", "Access-Control-Request-Method": "POST",
            ])
            #expect(reply.status == 403)
            #expect(reply.headers["access-control-allow-origin"] == nil)
            #expect(reply.error.contains("https://evil.example"))
            // A request from that origin is refused even with a good token.
            let post = try await server.authorised("POST", "/generate", body: Self.spec, headers: ["Origin": "https://evil.example"])
            #expect(post.status == 403)
            #expect(post.headers["access-control-allow-origin"] == nil)
        }
    }

    @Test func aNonLoopbackHostWithoutASecretIsRefused() {
        #expect(throws: ServerError.exposedWithoutSecret(host: "0.0.0.0")) {
            try ServerConfiguration(host: "0.0.0.0", jwtSecret: "").validate()
        }
        #expect(throws: Never.self) { try ServerConfiguration(host: "0.0.0.0", jwtSecret: RunningServer.secret).validate() }
        #expect(throws: ServerError.shortSecret) { try ServerConfiguration(host: "127.0.0.1", jwtSecret: "short").validate() }
        #expect(ServerConfiguration.isLoopback("127.0.0.1") && ServerConfiguration.isLoopback("::1"))
        #expect(!ServerConfiguration.isLoopback("127.evil.example") && !ServerConfiguration.isLoopback("192.168.1.2"))
    }
}
