import Foundation
import Hummingbird

/// Requires `Authorization: Bearer <JWT>` signed with the server's secret on every route but the
/// ones monitoring scrapes (`/health`, `/metrics`) and the live preview's static page and frame
/// (they hold no data; the page sends the token for what it reads); a missing, expired or wrongly
/// signed token is a 401 with a JSON error saying which.
struct BearerAuthentication<Context: RequestContext>: RouterMiddleware {
    let authority: TokenAuthority
    /// Monitoring's routes and the preview's static files. (A generic type has no stored statics,
    /// so this tests the path rather than build a set on every request.)
    static func isOpen(_ path: String) -> Bool {
        path == "/health" || path == "/metrics" || MockPilotServer.previewFilePaths.contains(path)
    }
    /// Browsers cannot set headers on a WebSocket or an EventSource, so these take `?token=` too.
    static var queryTokenPaths: Set<String> { ["/stream", "/events"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.isOpen(request.uri.path) {
            return try await next(request, context)
        }
        let token: String
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                throw APIError.unauthorized("the Authorization header must be Bearer <token>")
            }
            token = String(parts[1])
        } else if Self.queryTokenPaths.contains(request.uri.path), let query = request.uri.queryParameters.get("token") {
            token = query
        } else {
            throw APIError.unauthorized("missing Authorization: Bearer token (make one with `mockpilot token`)")
        }
        do throws(TokenAuthority.Refusal) {
            _ = try await authority.verify(token.trimmingCharacters(in: .whitespaces))
        } catch {
            switch error {
            case .expired: throw APIError.unauthorized("the token has expired (make a new one with `mockpilot token`)")
            case .badSignature: throw APIError.unauthorized("the token is not signed with this server's JWT_SECRET")
            case .malformed: throw APIError.unauthorized("the token is not a valid JWT")
            }
        }
        return try await next(request, context)
    }
}
