import Core
import Foundation
import Testing
@testable import Server

/// The hand-written OpenAPI document and the router agree: every route is documented with its
/// method, and every documented operation is a route.
struct OpenAPIDocumentTests {
    static func documentedOperations(_ data: Data) throws -> Set<String> {
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var operations: Set<String> = []
        for (path, item) in paths {
            for method in item.keys where ["get", "post", "put", "patch", "delete", "options", "head"].contains(method) {
                operations.insert(method.uppercased() + " " + path)
            }
        }
        return operations
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws {
        let routes = Set(Route.allCases.map { "\($0.method.rawValue) \($0.path)" })
        let documented = try Self.documentedOperations(Data(PackageResources.openapi_json))
        #expect(routes.subtracting(documented).isEmpty, "routes missing from openapi.json")
        #expect(documented.subtracting(routes).isEmpty, "openapi.json documents routes the server does not have")
        #expect(routes.count == 14)
    }

    /// A DesignSpec the document allows is one the server makes: its component kinds are the
    /// templates' (a kind outside them is 422, which Schemathesis would count as a valid spec refused).
    @Test func theDocumentedComponentKindsAreTheKnownOnes() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(PackageResources.openapi_json)) as? [String: Any])
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
        let properties = (schemas?["DesignSpec"] as? [String: Any])?["properties"] as? [String: Any]
        let kinds = try #require((properties?["component"] as? [String: Any])?["enum"] as? [String])
        #expect(kinds == ComponentKind.allCases.map(\.rawValue))
    }

    @Test func theServerServesTheDocumentAndItsRoutesAnswer() async throws {
        try await RunningServer.with { server in
            let reply = try await server.authorised("GET", "/openapi.json")
            #expect(reply.status == 200)
            let documented = try Self.documentedOperations(reply.body)
            // Every documented operation reaches a handler: none of them is the router's 404 (a
            // handler's own 404, for a session it does not have, says so in its error).
            for operation in documented.sorted() {
                let parts = operation.split(separator: " ", maxSplits: 1).map(String.init)
                let path = parts[1] == "/search" ? "/search?query=button" : parts[1].replacingOccurrences(of: "{id}", with: "2026-01-01-0000-abcd")
                    .replacingOccurrences(of: "{file}", with: "frame.js")
                let answer = try await server.authorised(parts[0], path, body: parts[0] == "POST" ? "{}" : nil)
                #expect(answer.status != 405, "\(operation)")
                #expect(answer.status != 404 || answer.error.hasPrefix("no session") || answer.error.hasPrefix("no component"),
                        "\(operation): \(answer.error)")
            }
        }
    }
}
