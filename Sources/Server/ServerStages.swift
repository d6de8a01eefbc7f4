import Brands
import Config
import Foundation
import LLM
import Whisper

/// What the routes run on: the same pieces `generate`, `search`, `classify` and `extract` use.
public struct ServerStages: Sendable {
    public var brands: BrandTable
    /// Imports a component may have (`output.allowed_imports`), as `check` and `run` apply them.
    public var allowedImports: Set<String>
    /// The post store `mockpilot mine` fills, which `/search` reads.
    public var postDatabase: String
    /// The session database `run` and `/stream` meetings record into, which `/sessions` lists.
    public var sessionDatabase: String
    /// Meetings older than this are purged before `/sessions` lists them (`store.retention_days`).
    public var retentionDays: Int
    /// Where `make models` put MiniLM and the VADER lexicon.
    public var modelsDirectory: String
    /// `/extract` publishes intents with at least this confidence (`intent.threshold`).
    public var intentThreshold: Double
    /// The configured model backend (`[llm] backend`), as `generate` uses it; nil: templates only.
    public var modelGenerator: LLMComponentGenerator?
    /// What `/stream` meetings run on, as `run` sets them up; nil: `/stream` answers 503 with why.
    public var meetings: MeetingStages?

    public init(brands: BrandTable, allowedImports: Set<String>, postDatabase: String, sessionDatabase: String,
                retentionDays: Int = 7, modelsDirectory: String,
                intentThreshold: Double, modelGenerator: LLMComponentGenerator? = nil, meetings: MeetingStages? = nil) {
        self.brands = brands
        self.allowedImports = allowedImports
        self.postDatabase = postDatabase
        self.sessionDatabase = sessionDatabase
        self.retentionDays = retentionDays
        self.modelsDirectory = modelsDirectory
        self.intentThreshold = intentThreshold
        self.modelGenerator = modelGenerator
        self.meetings = meetings
    }
}

/// A `/stream` connection's meeting is opened as `run` opens one (MeetingSetup: the brand table,
/// the watched folder, a session in the database) and heard with the one Whisper model loaded at start.
public struct MeetingStages: Sendable {
    public var settings: Settings
    public var whisper: WhisperModel

    public init(settings: Settings, whisper: WhisperModel) {
        self.settings = settings
        self.whisper = whisper
    }
}
