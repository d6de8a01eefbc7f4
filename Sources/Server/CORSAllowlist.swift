import Hummingbird

/// Cross-origin access for the origins in `server.allowed_origins` and no others: a preflight
/// from an allowed origin is answered here (204 with the allowed methods and headers), one from
/// any other origin is refused (403), and a plain request that names a foreign origin is refused
/// too, so a page elsewhere cannot use a token it got hold of. Requests without an Origin header
/// (curl, scripts) are not cross-origin and pass, as do GETs of the preview's static files.
struct CORSAllowlist<Context: RequestContext>: RouterMiddleware {
    let allowedOrigins: Set<String>
    static var allowedMethods: String { "GET, POST, OPTIONS" }
    static var allowedHeaders: String { "Authorization, Content-Type" }
    /// Browsers may reuse a preflight answer this long (seconds).
    static var maxAge: String { "600" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin] else {
            return try await next(request, context)
        }
        // The live preview's frame is sandboxed, so its loader is asked for with `Origin: null`.
        // The preview's static files hold no data and get no CORS headers: a script tag may load
        // them, no other origin's script can read them.
        if request.method == .get, MockPilotServer.previewFilePaths.contains(request.uri.path) {
            return try await next(request, context)
        }
        guard allowedOrigins.contains(origin) else {
            throw APIError.forbidden("origin \(origin) is not in server.allowed_origins")
        }
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            var headers = HTTPFields()
            headers[.accessControlAllowOrigin] = origin
            headers[.accessControlAllowMethods] = Self.allowedMethods
            headers[.accessControlAllowHeaders] = Self.allowedHeaders
            headers[.accessControlMaxAge] = Self.maxAge
            headers[.vary] = "Origin"
            return Response(status: .noContent, headers: headers)
        }
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
        return response
    }
}
