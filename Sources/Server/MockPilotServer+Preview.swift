import Foundation
import Hummingbird
import HummingbirdWebSocket

/// The live preview (`GET /preview`, the URL `serve --open` prints): a page that follows
/// `/events?session=all` and shows every checked component as it is made, with no file written.
/// The page and its frame are static and hold no data, so they are served without a token; the
/// page takes the token from its URL's fragment (never sent to a server) and uses it for
/// `/events` and for each component's built script (`/preview/components/{id}`), which need it
/// like every other data route. Each component runs in a sandboxed frame (an opaque origin) whose
/// policy allows no network, so even code that got past the checker sees no token and can call nothing.
/// The preview kit (preview/, `MOCKPILOT_SERVE`) shows the same frames from an allowed origin.
extension MockPilotServer {
    /// The static files under `/preview/`, with their types.
    static let previewFiles: [String: (bytes: [UInt8], type: String)] = [
        "preview.js": (PackageResources.preview_js, "text/javascript; charset=utf-8"),
        "frame.html": (PackageResources.preview_frame_html, "text/html; charset=utf-8"),
        "frame.js": (PackageResources.preview_frame_js, "text/javascript; charset=utf-8"),
    ]

    /// The page and its files: static, no data in them. Made once: the CORS and token checks
    /// look a path up in it on every request.
    static let previewFilePaths: Set<String> = Set(["/preview"] + previewFiles.keys.map { "/preview/" + $0 })

    /// The page: its own scripts, `/events` and the builds over fetch, frames from here; nothing else.
    static let pagePolicy = "default-src 'none'; script-src 'self'; connect-src 'self'; frame-src 'self'; "
        + "style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    /// A component's frame: its loader and the blob: script it is given; no connections, no forms.
    /// It may be framed by this server's page and by the pages of `server.allowed_origins` (the
    /// preview kit following this server), which already may read the components themselves.
    static func framePolicy(allowing origins: Set<String>) -> String {
        let ancestors = (["'self'"] + origins.filter(isSourceExpression).sorted()).joined(separator: " ")
        return "default-src 'none'; script-src 'self' blob:; style-src 'unsafe-inline'; img-src data:; "
            + "font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors \(ancestors)"
    }

    /// An origin that is safe to put in a policy as it is: `http(s)://host[:port]`, nothing that
    /// could end the directive (`;`, `,`, spaces) or widen it (`*`, a path).
    static func isSourceExpression(_ origin: String) -> Bool {
        let rest: Substring
        if origin.hasPrefix("http://") {
            rest = origin.dropFirst(7)
        } else if origin.hasPrefix("https://") {
            rest = origin.dropFirst(8)
        } else {
            return false
        }
        return !rest.isEmpty && rest.count <= 255
            && rest.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || ".-:[]".unicodeScalars.contains($0)) }
    }

    func previewPage() -> Response {
        Self.file(PackageResources.preview_html, type: "text/html; charset=utf-8", policy: Self.pagePolicy)
    }

    func previewFile(_ context: BasicWebSocketRequestContext) throws -> Response {
        let name = context.parameters.get("file") ?? ""
        guard let file = Self.previewFiles[name] else {
            throw APIError.notFound("no preview file \(name.prefix(80))")
        }
        let policy = name == "frame.html" ? Self.framePolicy(allowing: configuration.allowedOrigins) : Self.pagePolicy
        return Self.file(file.bytes, type: file.type, policy: policy)
    }

    /// A published component's code, built for its frame.
    func previewComponent(_ context: BasicWebSocketRequestContext) async throws -> Response {
        let specID = context.parameters.get("id") ?? ""
        guard let jsx = await room.publishedCode(specID: specID) else {
            throw APIError.notFound("no component \(specID.prefix(80)) on this server's preview")
        }
        do throws(PreviewBuilder.Failure) {
            let script = try await previewBuilder.script(for: jsx)
            return Self.file(Array(script.utf8), type: "text/javascript; charset=utf-8", policy: nil)
        } catch {
            logger.error("stage failure", metadata: ["stage": "preview", "spec_id": "\(specID)", "reason": "\(error.reason)"])
            throw APIError.unavailable(error.reason)
        }
    }

    static func file(_ bytes: [UInt8], type: String, policy: String?) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
        headers[.xContentTypeOptions] = "nosniff"
        if let policy { headers[.contentSecurityPolicy] = policy }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
