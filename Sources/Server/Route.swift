import Hummingbird

/// Every route the server has. The router is built from this list and nothing else, so the
/// OpenAPI document can be checked against it both ways.
enum Route: String, CaseIterable, Sendable {
    case generate, search, classify, extract, health, metrics, openAPI, stream, events, sessions, sessionExport
    case preview, previewFile, previewComponent

    var method: HTTPRequest.Method {
        switch self {
        case .generate, .classify, .extract: .post
        case .search, .health, .metrics, .openAPI, .stream, .events, .sessions, .sessionExport, .preview, .previewFile,
             .previewComponent: .get
        }
    }

    var path: String {
        switch self {
        case .openAPI: "/openapi.json"
        case .sessionExport: "/sessions/{id}/export"
        case .previewFile: "/preview/{file}"
        case .previewComponent: "/preview/components/{id}"
        default: "/" + rawValue
        }
    }

    /// The methods of the routes at `path` (a request path, matched segment by segment, `{name}`
    /// matching any one segment), in a fixed order; empty when no route has that path.
    static func methods(at path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let matching = allCases.filter { route in
            let pattern = route.path.split(separator: "/", omittingEmptySubsequences: false)
            return pattern.count == segments.count && zip(pattern, segments).allSatisfy { expected, given in
                expected == given || (expected.hasPrefix("{") && expected.hasSuffix("}") && !given.isEmpty)
            }
        }
        return ["GET", "POST"].filter { method in matching.contains { $0.method.rawValue == method } }
    }
}
