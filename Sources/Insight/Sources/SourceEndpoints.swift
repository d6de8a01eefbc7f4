import Foundation
import Net

/// The remote base URLs, overridable so tests and proxies can point them elsewhere.
public struct SourceEndpoints: Sendable, Hashable {
    public var redditAPI = "https://oauth.reddit.com"
    public var redditAuth = "https://www.reddit.com"
    public var instagramGraph = "https://graph.facebook.com/v19.0"

    public init() {}

    /// MOCKPILOT_REDDIT_API, MOCKPILOT_REDDIT_AUTH and MOCKPILOT_INSTAGRAM_API, when set
    /// (scheme lower-cased: "HTTP://localhost:8080" is http).
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> SourceEndpoints {
        var e = SourceEndpoints()
        if let v = env["MOCKPILOT_REDDIT_API"], !v.isEmpty { e.redditAPI = PlainHTTP.normalized(v) }
        if let v = env["MOCKPILOT_REDDIT_AUTH"], !v.isEmpty { e.redditAuth = PlainHTTP.normalized(v) }
        if let v = env["MOCKPILOT_INSTAGRAM_API"], !v.isEmpty { e.instagramGraph = PlainHTTP.normalized(v) }
        return e
    }

    /// Throws `InsightError.plainHTTP` when an address `source` sends credentials to (Reddit's
    /// client secret and token; Instagram's token, which rides in the query) is plain http to
    /// another machine: the rule the model backends follow.
    public func checkPrivate(for source: MineSource) throws {
        switch source {
        case .reddit:
            try Self.requirePrivate(redditAuth, source: "Reddit", variable: "MOCKPILOT_REDDIT_AUTH")
            try Self.requirePrivate(redditAPI, source: "Reddit", variable: "MOCKPILOT_REDDIT_API")
        case .instagram:
            try Self.requirePrivate(instagramGraph, source: "Instagram", variable: "MOCKPILOT_INSTAGRAM_API")
        case .file:
            break
        }
    }

    static func requirePrivate(_ url: String, source: String, variable: String) throws {
        guard PlainHTTP.keepsCredentialsPrivate(url) else { throw InsightError.plainHTTP(source: source, url: url, variable: variable) }
    }
}
