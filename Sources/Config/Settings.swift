import Core
import Foundation

/// Every setting MockPilot has, with its default. `mockpilot.conf.example` documents each one.
public struct Settings: Sendable, Hashable {
    // [input]
    public var inputSource = "alsa:default"
    public var realtime = false
    // [speech]
    public var model = ""
    /// "auto" (detected by a multilingual model; English for an .en one), or a code like "de".
    public var language = "auto"
    public var threads = 2
    public var vadThreshold = 0.6
    /// The voice detector `run` cuts utterances with: "energy" or "silero".
    public var vad = "energy"
    public var designPrompt = true
    /// With the design prompt: the decoder's bonus for design words (natural log per token, 0 off).
    public var designBias = 3.0
    /// Label live audio's utterances with their speakers (when the voice encoder is installed).
    public var speakers = true
    // [intent]
    public var intentThreshold = 0.75
    /// With a model configured, lines the rules rate above this but under the threshold go to the model.
    public var intentModelFloor = 0.35
    // [trigger]
    public var silenceSeconds = 1.5
    public var debounceSeconds = 5.0
    // [output]
    public var outputFolder = "./mockpilot-out"
    public var exportFolder = "./mockpilot-export"
    public var allowedImports = ["react"]
    // [store]
    public var database = ""
    public var retentionDays = 7
    // [ui]
    public var theme = "dark"
    public var themesDirectory = ""
    // [llm]
    public var llmBackend = "none"
    public var llmModel = ""
    public var llmBaseURL = ""
    public var openAIKey = ""
    public var anthropicKey = ""
    /// The key for an OpenAI-compatible server, if it needs one; never OPENAI_API_KEY.
    public var compatibleKey = ""
    public var llmTimeoutSeconds = 30.0
    // [insights]
    public var redditClientID = ""
    public var redditClientSecret = ""
    /// The Reddit account responsible for this client, named in the User-Agent as Reddit asks.
    public var redditUsername = ""
    public var subreddits = ["web_design", "UI_Design", "Frontend"]
    public var instagramToken = ""
    public var instagramAccountID = ""
    /// A meeting gathers posts for one query at most this often (minutes); 0: only `mine` does.
    public var mineIntervalMinutes = 15.0
    // [hooks]
    public var postGenerateHook = ""
    public var onInsightHook = ""
    // [server]: `mockpilot serve`.
    /// Origins (`scheme://host[:port]`) whose pages may call the server; every other origin is refused.
    public var allowedOrigins: [String] = []
    // [services]: the original design's servers. MockPilot keeps everything local, so these are only
    // read and shown by `mockpilot config`; nothing is sent to them. `jwt_secret` signs `serve`'s tokens.
    public var redisURL = ""
    public var weaviateURL = ""
    public var mongoURI = ""
    public var jwtSecret = ""

    public init() {}

    /// The Whisper model folder: the configured one, else tiny.en from `make models`.
    public var modelDirectory: String { Self.modelDirectory(model.isEmpty ? Self.defaultModel : model) }

    /// The model `make models` installs that MockPilot uses unless told otherwise.
    public static let defaultModel = "tiny.en"

    /// A model name `make models` installs ("tiny.en", "base": `whisper-NAME` in the models
    /// folder), or a folder path as it is. A name is a word without "/" that is not a folder here.
    public static func modelDirectory(_ nameOrPath: String) -> String {
        var isDirectory: ObjCBool = false
        if nameOrPath.contains("/") || nameOrPath.hasPrefix(".")
            || (FileManager.default.fileExists(atPath: nameOrPath, isDirectory: &isDirectory) && isDirectory.boolValue) {
            return nameOrPath
        }
        return Paths.models() + "/whisper-" + nameOrPath
    }
    /// The session database file.
    public var databasePath: String { database.isEmpty ? Paths.dataHome() + "/mockpilot.sqlite" : database }

    /// Setting names and environment variables whose values are never printed.
    public static let secretKeys: Set<String> = [
        "llm.openai_api_key", "llm.anthropic_api_key", "llm.api_key", "insights.reddit_client_secret", "insights.instagram_token",
        "services.jwt_secret", "services.mongodb_uri",
    ]
}
