import Foundation

/// What `mine` and a meeting need to reach the remote sources: credentials, the Reddit username
/// for the User-Agent, the default subreddits and the base URLs. Filled from the settings, in
/// which the environment (REDDIT_CLIENT_ID, INSTAGRAM_ACCESS_TOKEN, ...) already overrides the
/// config file, so this type reads no environment itself.
public struct SourceConfiguration: Sendable, Hashable {
    public var redditClientID = ""
    public var redditClientSecret = ""
    /// Reddit asks every client to name the account responsible for it in the User-Agent.
    public var redditUsername = ""
    /// Searched when `mine --subreddit` is not given; "all" means the whole of Reddit.
    public var subreddits: [String] = []
    public var instagramToken = ""
    public var instagramAccountID = ""
    public var endpoints = SourceEndpoints()
    /// Where Instagram's 30-hashtags-per-7-days use is counted.
    public var hashtagBudgetPath = ""

    public init() {}

    public var hasReddit: Bool { !redditClientID.isEmpty && !redditClientSecret.isEmpty }
    public var hasInstagram: Bool { !instagramToken.isEmpty && !instagramAccountID.isEmpty }

    /// "reddit", "instagram": the sources a meeting may mine on its own.
    public var configured: [String] { (hasReddit ? ["reddit"] : []) + (hasInstagram ? ["instagram"] : []) }

    public func redditCredentials() throws -> RedditCredentials {
        guard hasReddit else {
            throw InsightError.missingCredentials(source: "Reddit", variables: ["REDDIT_CLIENT_ID", "REDDIT_CLIENT_SECRET"],
                                                  settings: ["insights.reddit_client_id", "insights.reddit_client_secret"])
        }
        return RedditCredentials(clientID: redditClientID, clientSecret: redditClientSecret)
    }

    public func instagramCredentials() throws -> (token: String, accountID: String) {
        guard hasInstagram else {
            throw InsightError.missingCredentials(source: "Instagram", variables: ["INSTAGRAM_ACCESS_TOKEN", "INSTAGRAM_USER_ID"],
                                                  settings: ["insights.instagram_token", "insights.instagram_account_id"])
        }
        return (instagramToken, instagramAccountID)
    }

    /// Reddit's recommended form, `<platform>:<app ID>:<version> (by /u/<username>)`; without a
    /// configured username the "(by ...)" part is left out rather than made up.
    public var redditUserAgent: String {
        let base = "linux:mockpilot:\(SourceConfiguration.version)"
        let name = redditUsername.hasPrefix("/u/") ? String(redditUsername.dropFirst(3))
            : redditUsername.hasPrefix("u/") ? String(redditUsername.dropFirst(2)) : redditUsername
        return name.isEmpty ? base : base + " (by /u/\(name))"
    }

    /// The release the User-Agent names (the same as `mockpilot --version`).
    public static let version = "0.1.0"
}
