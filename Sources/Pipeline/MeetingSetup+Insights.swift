import Config
import Core
import Insight

extension MeetingSetup {
    /// The remote sources as the settings describe them. The settings loader has already laid
    /// the environment (REDDIT_CLIENT_ID, INSTAGRAM_USER_ID, MOCKPILOT_INSIGHTS_*) over the config
    /// file, so `mine` and a meeting agree on which credentials are in effect.
    public func sources(dataHome: String = Paths.dataHome()) -> SourceConfiguration {
        var s = SourceConfiguration()
        s.redditClientID = settings.redditClientID
        s.redditClientSecret = settings.redditClientSecret
        s.redditUsername = settings.redditUsername
        s.subreddits = settings.subreddits
        s.instagramToken = settings.instagramToken
        s.instagramAccountID = settings.instagramAccountID
        s.endpoints = .fromEnvironment()
        s.hashtagBudgetPath = dataHome + "/instagram-hashtags.json"
        return s
    }
}
