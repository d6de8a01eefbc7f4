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
}
