import Foundation

/// The remote base URLs, overridable so tests and proxies can point them elsewhere.
public struct SourceEndpoints: Sendable, Hashable {
    public var redditAPI = "https://oauth.reddit.com"
    public var redditAuth = "https://www.reddit.com"
    public var instagramGraph = "https://graph.facebook.com/v19.0"

    public init() {}

    /// MOCKPILOT_REDDIT_API, MOCKPILOT_REDDIT_AUTH and MOCKPILOT_INSTAGRAM_API, when set.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> SourceEndpoints {
        var e = SourceEndpoints()
        if let v = env["MOCKPILOT_REDDIT_API"], !v.isEmpty { e.redditAPI = v }
        if let v = env["MOCKPILOT_REDDIT_AUTH"], !v.isEmpty { e.redditAuth = v }
        if let v = env["MOCKPILOT_INSTAGRAM_API"], !v.isEmpty { e.instagramGraph = v }
        return e
    }
}
