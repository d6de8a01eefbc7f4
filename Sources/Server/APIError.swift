import Foundation
import Hummingbird

/// Everything a route answers with an error status, as one JSON object a client can act on:
/// `{"error": "what went wrong", "status": 422}`, plus the checker's findings for a refused spec.
enum APIError: Error, HTTPResponseError, Equatable {
    case badRequest(String)
    case unauthorized(String)
    case forbidden(String)
    case notFound(String)
    case tooLarge(limit: Int)
    case unprocessable(String, details: [String] = [])
    case unavailable(String)
    case upgradeRequired(String)
    case shuttingDown

    var status: HTTPResponse.Status {
        switch self {
        case .badRequest: .badRequest
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .tooLarge: .contentTooLarge
        case .unprocessable: .unprocessableContent
        case .unavailable, .shuttingDown: .serviceUnavailable
        case .upgradeRequired: .upgradeRequired
        }
    }

    var reason: String {
        switch self {
        case .badRequest(let reason), .unauthorized(let reason), .forbidden(let reason), .notFound(let reason),
             .unprocessable(let reason, _), .unavailable(let reason), .upgradeRequired(let reason):
            reason
        case .tooLarge(let limit): "the body is larger than \(limit) bytes"
        case .shuttingDown: "the server is shutting down"
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        if case .unauthorized = self { headers[.wwwAuthenticate] = "Bearer" }
        if case .upgradeRequired = self { headers[.upgrade] = "websocket" }
        return Self.json(status: status, reason: reason, details: details, headers: headers)
    }

    private var details: [String] {
        if case .unprocessable(_, let details) = self { return details }
        return []
    }

    /// The error body every failure shares, also for errors that are not a `APIError`.
    static func json(status: HTTPResponse.Status, reason: String, details: [String] = [],
                     headers: HTTPFields = HTTPFields()) -> Response {
        var object: [String: Any] = ["error": reason, "status": status.code]
        if !details.isEmpty { object["details"] = details }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
