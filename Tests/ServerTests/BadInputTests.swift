import Foundation
import Testing
@testable import Server

/// Bad bodies get a JSON error with the right status, and the server goes on serving.
@Suite(.serialized) struct BadInputTests {
    static let spec = #"{"spec_id": "c1.v1", "component": "button"}"#

    @Test func malformedJSONIs400AndTheNextRequestIsServed() async throws {
        try await RunningServer.with { server in
            for path in ["/generate", "/classify"] {
                let reply = try await server.authorised("POST", path, body: #"{"spec_id": "c1.v1", "component": "#)
                #expect(reply.status == 400, "\(path)")
                #expect(reply.error == "the body is not valid JSON", "\(path)")
            }
            let extract = try await server.authorised("POST", "/extract", body: #"{"text": "let's build a button", "#)
            #expect(extract.status == 400)
            #expect(!extract.error.isEmpty)
            let reply1 = try await server.authorised("POST", "/generate", body: Self.spec)
            #expect(reply1.status == 200)
        }
    }

    @Test func anOversizedBodyIs413() async throws {
        try await RunningServer.with(maxBodyBytes: 4096) { server in
            let label = String(repeating: "x", count: 10_000)
            let reply = try await server.authorised("POST", "/generate", body: #"{"spec_id": "c1.v1", "component": "button", "label": "\#(label)"}"#)
            #expect(reply.status == 413)
            #expect(reply.error.contains("4096 bytes"))
            let reply2 = try await server.authorised("POST", "/generate", body: Self.spec)
            #expect(reply2.status == 200)
        }
    }

    @Test func aSpecTheCheckerRefusesIs422WithTheReason() async throws {
        // No import allowed: a modal imports useState from React, so the checker refuses it.
        try await RunningServer.with(stages: try RunningServer.stages(allowedImports: [])) { server in
            let reply = try await server.authorised("POST", "/generate", body: #"{"spec_id": "c1.v1", "component": "modal"}"#)
            #expect(reply.status == 422)
            #expect(reply.error.contains("c1.v1 failed the JSX check"))
            let details = reply.object["details"] as? [String] ?? []
            #expect(details.contains { $0.contains("react") })
        }
    }

    @Test func aSpecThatCannotBeMadeIs422() async throws {
        try await RunningServer.with { server in
            let unknown = try await server.authorised("POST", "/generate", body: #"{"spec_id": "c1.v1", "component": "spaceship"}"#)
            #expect(unknown.status == 422)
            #expect(unknown.error.contains("spaceship"))
            let badToken = try await server.authorised("POST", "/generate",
                                                       body: #"{"spec_id": "c1.v1", "component": "button", "theme_tokens": {"radius": "banana"}}"#)
            #expect(badToken.status == 422)
            #expect(badToken.error.contains("radius"))
            let notAnObject = try await server.authorised("POST", "/generate", body: "[1, 2]")
            #expect(notAnObject.status == 422)
        }
    }

    /// A route asked with a method it does not take says which it takes (405 and `Allow`), as
    /// HTTP asks; a path no route has is still 404.
    @Test func aWrongMethodIs405WithTheMethodsAllowed() async throws {
        try await RunningServer.with { server in
            for (method, path, allowed) in [("GET", "/generate", "POST"), ("DELETE", "/search", "GET"), ("PUT", "/health", "GET"),
                                            ("POST", "/sessions/2026-01-01-0000-abcd/export", "GET"), ("PATCH", "/preview/frame.js", "GET")] {
                let reply = try await server.authorised(method, path)
                #expect(reply.status == 405, "\(method) \(path): \(reply.text)")
                #expect(reply.headers["allow"] == allowed, "\(method) \(path)")
                #expect(reply.error.contains("takes \(allowed) only"), "\(reply.error)")
            }
            #expect(try await server.authorised("DELETE", "/nope").status == 404)
            #expect(try await server.authorised("POST", "/sessions/a/b/export").status == 404)
        }
    }

    @Test func anUnknownRouteIsAJSON404() async throws {
        try await RunningServer.with { server in
            let reply = try await server.authorised("GET", "/nope")
            #expect(reply.status == 404)
            #expect(reply.error == "no such route")
        }
    }
}
