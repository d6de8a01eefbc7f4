import Foundation
import Hummingbird

/// Requires `Authorization: Bearer <JWT>` signed with the server's secret on every route but the
/// ones monitoring scrapes (`/health`, `/metrics`); a missing, expired or wrongly signed token is a
/// 401 with a JSON error saying which.
struct BearerAuthentication<Context: RequestContext>: RouterMiddleware {
    let authority: TokenAuthority
    static var openPaths: Set<String> { ["/health", "/metrics"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.openPaths.contains(request.uri.path) {
            return try await next(request, context)
        }
        guard let header = request.headers[.authorization] else {
            throw APIError.unauthorized("missing Authorization: Bearer token (make one with `mockpilot token`)")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIError.unauthorized("the Authorization header must be Bearer <token>")
        }
        do throws(TokenAuthority.Refusal) {
            _ = try await authority.verify(String(parts[1]).trimmingCharacters(in: .whitespaces))
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
