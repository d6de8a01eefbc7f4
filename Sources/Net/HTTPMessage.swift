import Foundation

/// One HTTP request, with the timeouts that bound it.
public struct HTTPRequest: Sendable, Hashable {
    public var method: String
    public var url: String
    public var headers: [String: String]
    public var body: Data?
    /// Seconds allowed to establish the connection.
    public var connectTimeout: Double
    /// Seconds the server may stay silent once connected before the request fails.
    public var readTimeout: Double
    /// Which redirects are followed; a redirect that is not comes back as the 3xx response.
    public var redirects: RedirectPolicy
    /// The largest body taken; a longer one aborts the transfer (a server must not fill memory).
    public var maxResponseBytes = HTTPRequest.defaultMaxResponseBytes

    /// 64 MiB: far above any API answer MockPilot asks for (a Reddit page is ~1 MB).
    public static let defaultMaxResponseBytes = 64 << 20

    public init(method: String = "GET", url: String, headers: [String: String] = [:], body: Data? = nil,
                connectTimeout: Double = 10, readTimeout: Double = 30, redirects: RedirectPolicy = .automatic) {
        self.method = method
        self.url = url
        self.body = body
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.headers = headers
        self.redirects = redirects
    }

    /// Headers that carry a credential: a key, a token, a cookie. They must only reach the
    /// server they were written for.
    public var carriesCredentials: Bool {
        headers.keys.contains { name in
            let lower = name.lowercased()
            return lower == "cookie" || ["auth", "key", "token", "secret"].contains { lower.contains($0) }
        }
    }

    /// A query parameter that carries a credential (Instagram's `access_token=`).
    public var carriesCredentialsInQuery: Bool {
        guard let query = URLComponents(string: PlainHTTP.normalized(url))?.queryItems else { return false }
        return query.contains { item in
            let lower = item.name.lowercased()
            return ["token", "key", "secret", "password"].contains { lower.contains($0) }
        }
    }
}

/// Which redirects a request follows. Redirects are followed by `HTTPClient` itself, not by
/// libcurl, which would send every custom header (an `x-api-key`) to whatever host a server names.
public enum RedirectPolicy: Sendable, Hashable {
    case never
    /// Only to the same scheme, host and port.
    case sameOrigin
    /// Anywhere over http(s), except from https down to http.
    case any
    /// `.sameOrigin` for a request that carries credentials, `.any` otherwise.
    case automatic
}

/// A complete response: status, headers (names lower-cased) and body.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A header by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Percent-encoding for query strings and form bodies.
public enum URLQuery {
    public static func encode(_ items: [(String, String)]) -> String {
        items.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    public static func escape(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
