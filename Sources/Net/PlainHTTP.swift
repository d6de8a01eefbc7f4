import Foundation

/// The one rule for where a credential may travel: over https anywhere, over plain http only to
/// this machine (a local proxy, Ollama, a test stand-in). Every client that sends a key, token
/// or secret asks it before building a request, and `HTTPClient` asks it again before a
/// credential-carrying request gets a curl handle.
public enum PlainHTTP {
    /// `url` with its scheme lower-cased ("HTTP://Host/v1" -> "http://Host/v1"): schemes are
    /// case-insensitive (RFC 3986), and every check here compares them lower-cased.
    public static func normalized(_ url: String) -> String {
        guard let colon = url.range(of: "://") else { return url }
        let scheme = url[..<colon.lowerBound]
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return url }
        return scheme.lowercased() + url[colon.lowerBound...]
    }

    /// "http", "https", ... lower-cased; nil when `url` has none.
    public static func scheme(of url: String) -> String? {
        let normal = normalized(url)
        guard let colon = normal.range(of: "://") else { return nil }
        return String(normal[..<colon.lowerBound])
    }

    /// Whether `url` names this machine: localhost (and *.localhost), 127.x.x.x or [::1].
    public static func isLoopback(_ url: String) -> Bool {
        guard let host = URL(string: normalized(url))?.host?.lowercased() else { return false }
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// https anywhere, http to loopback: a credential sent there is not readable on the wire.
    public static func keepsCredentialsPrivate(_ url: String) -> Bool {
        switch scheme(of: url) {
        case "https": true
        case "http": isLoopback(url)
        default: false
        }
    }
}
