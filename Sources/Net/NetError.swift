import Foundation

/// An HTTP exchange that could not be completed (transport level: the server's status codes
/// are returned in `HTTPResponse`, not thrown).
public enum NetError: Error, LocalizedError, Equatable {
    case invalidURL(String)
    /// A key, token or secret would cross the network unencrypted (plain http to another
    /// machine): refused before any connection is made.
    case plainHTTP(url: String)
    /// No connection within the connect timeout, or the host refused it.
    case connectionFailed(url: String, reason: String)
    /// The server stopped sending for longer than the read timeout.
    case timedOut(url: String, seconds: Double)
    case cancelled(url: String)
    /// Any other libcurl failure, with its code and message.
    case transfer(url: String, code: Int, reason: String)

    public var errorDescription: String? {
        switch self {
        case .invalidURL(let url): "not a valid URL: \(url)"
        case .plainHTTP(let url):
            "refusing to send credentials to \(url) over plain http (readable by anyone on the network); use https://, or http:// only for localhost"
        case .connectionFailed(let url, let reason): "could not connect to \(url): \(reason); check the network or proxy"
        case .timedOut(let url, let seconds): "\(url) did not answer within \(Self.format(seconds)) s"
        case .cancelled(let url): "request to \(url) was cancelled"
        case .transfer(let url, let code, let reason): "request to \(url) failed (curl \(code)): \(reason)"
        }
    }

    /// Worth trying again later: the network, not the request, was at fault.
    public var isTransient: Bool {
        switch self {
        case .connectionFailed, .timedOut: true
        case .transfer(_, let code, _): [52, 55, 56].contains(code)  // empty reply, send/recv errors
        default: false
        }
    }

    private static func format(_ s: Double) -> String { SecondsText.short(s) }
}
