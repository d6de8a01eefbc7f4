import Foundation
import Hummingbird
import Logging

/// The outermost middleware: every failure below it becomes the JSON error body (a route's own
/// `APIError`, Hummingbird's errors such as an oversized body, and anything unexpected as a
/// 500 that names no internals), and every request is counted, timed and logged.
struct ResponseMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = try error.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            response = Self.response(to: error, request: request)
        } catch {
            context.logger.error("request failed", metadata: ["path": .string(request.uri.path), "error": .string("\(error)")])
            response = APIError.json(status: .internalServerError, reason: "the request could not be served")
        }
        let elapsed = ContinuousClock.now - start
        metrics.request(method: request.method.rawValue, route: context.endpointPath ?? "NotFound",
                        status: response.status.code, duration: elapsed)
        // One line per request. The path only: a query may carry a token (`/events?token=`), and
        // no header (Authorization) is ever logged.
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue), "path": .string(request.uri.path),
            "status": .stringConvertible(response.status.code), "duration_ms": .string(String(format: "%.1f", milliseconds))])
        return response
    }

    /// The router's 404 for a path that is a route, asked with a method it does not take, is 405
    /// with the methods it does take in `Allow`; otherwise the error's own status.
    static func response(to error: any HTTPResponseError, request: Request) -> Response {
        let allowed = error.status == .notFound ? Route.methods(at: request.uri.path) : []
        guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else {
            return APIError.json(status: error.status, reason: Self.reason(for: error.status))
        }
        let list = allowed.joined(separator: ", ")
        return APIError.json(status: .methodNotAllowed, reason: "\(request.uri.path.prefix(100)) takes \(list) only",
                             headers: [.allow: list])
    }

    /// Hummingbird's own errors carry no text meant for a client: say what the status means.
    static func reason(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "no such route"
        case .contentTooLarge: "the body is too large"
        case .methodNotAllowed: "method not allowed on this route"
        default: status.reasonPhrase.isEmpty ? "request failed" : status.reasonPhrase.lowercased()
        }
    }
}
