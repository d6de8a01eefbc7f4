/// Everything the pipeline tells its watchers (the TUI, `run --no-tui`'s JSON Lines).
/// Events are facts that already happened; watchers never change the pipeline through them.
public enum PipelineEvent: Sendable, Hashable {
    /// A transcript line; partial ones are replaced by the next event with the same utterance id.
    case transcript(Utterance)
    case intent(IntentMsg, triggered: Bool)
    /// A reading too unsure to act on alone (a weak ask, a vague change after the talk moved on):
    /// shown as an offer, made only by `g` or by choosing it. `reason` says what it would make.
    case suggestion(IntentMsg, reason: String)
    case spec(DesignSpec)
    /// A component version written to the watched folder.
    case component(ComponentWritten)
    /// A spec whose code was not written (failed check, unwritable folder, ...).
    case componentFailed(specID: String, component: ComponentKind, reason: ComponentFailure)
    /// Recognition is behind: this many segments wait.
    case slow(queued: Int)
    case status(PipelineStatus)
    /// A problem that did not stop the meeting (a bad line, a full disk).
    case warning(String)
    /// Something the user asked for is done ("exported 4 components to ./x").
    case notice(String)
    case insight(InsightSummary)
    /// A model is writing a component beside the meeting: asked, streaming, done or given up.
    case model(ModelActivity)
    /// Lines whose speaker is `label` are said by `name` from now on (the meeting keeps the label
    /// in transcripts; watchers show the name).
    case speaker(label: String, name: String)
    /// Input finished; no more events follow.
    case finished
}

/// A transcript line with the id the pipeline knows it by.
public struct Utterance: Sendable, Hashable, Codable {
    public var id: String
    public var msg: TranscriptMsg
    public var isFinal: Bool

    public init(id: String, msg: TranscriptMsg, isFinal: Bool = true) {
        self.id = id
        self.msg = msg
        self.isFinal = isFinal
    }
}

/// One written component version, as watchers show it.
public struct ComponentWritten: Sendable, Hashable, Codable {
    public var event: ComponentEvt
    public var componentID: String
    public var name: String
    public var kind: ComponentKind
    public var version: Int
    /// Absolute path of the written file.
    public var path: String
    /// End to end: from the utterance that asked for it reaching MockPilot to the file on disk, in seconds.
    public var latency: Double
    /// From the trigger firing to the file on disk, in seconds: the cost of generating, checking and writing.
    public var triggerToFile: Double

    public init(event: ComponentEvt, componentID: String, name: String, kind: ComponentKind, version: Int,
                path: String, latency: Double, triggerToFile: Double = 0) {
        self.event = event
        self.componentID = componentID
        self.name = name
        self.kind = kind
        self.version = version
        self.path = path
        self.latency = latency
        self.triggerToFile = triggerToFile
    }

    enum CodingKeys: String, CodingKey {
        case event, name, kind, version, path, latency
        case componentID = "component_id"
        case triggerToFile = "trigger_to_file"
    }
}

/// The pipeline's state for the status line.
public struct PipelineStatus: Sendable, Hashable, Codable {
    public var source: String
    public var model: String
    public var live: Bool
    public var queueDepth: Int
    public var sessionID: String
    public var outputFolder: String
    /// Input level 0...1 for audio sources.
    public var level: Double?
    public var dropped: Int
    /// What the configured model backend has cost this meeting; nil when none is configured.
    public var modelUsage: ModelUsage?

    public init(source: String, model: String, live: Bool = true, queueDepth: Int = 0, sessionID: String,
                outputFolder: String, level: Double? = nil, dropped: Int = 0, modelUsage: ModelUsage? = nil) {
        self.source = source
        self.model = model
        self.live = live
        self.queueDepth = queueDepth
        self.sessionID = sessionID
        self.outputFolder = outputFolder
        self.level = level
        self.dropped = dropped
        self.modelUsage = modelUsage
    }

    enum CodingKeys: String, CodingKey {
        case source, model, live, level, dropped
        case queueDepth = "queue_depth"
        case sessionID = "session_id"
        case outputFolder = "output_folder"
        case modelUsage = "model_usage"
    }
}

/// Model calls so far (intents and code), for the status line.
public struct ModelUsage: Sendable, Hashable, Codable {
    public var calls: Int
    public var promptTokens: Int
    public var completionTokens: Int
    /// Seconds the latest call took, retries included.
    public var lastLatency: Double

    public init(calls: Int = 0, promptTokens: Int = 0, completionTokens: Int = 0, lastLatency: Double = 0) {
        self.calls = calls
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.lastLatency = lastLatency
    }

    enum CodingKeys: String, CodingKey {
        case calls
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case lastLatency = "last_latency"
    }
}

/// One step of a model writing a component beside the meeting. While it works, the template's
/// version of the spec is what the folder holds.
public struct ModelActivity: Sendable, Hashable, Codable {
    public enum Phase: String, Sendable, Hashable, Codable {
        case asking, streaming
        /// The model's component was written as the next version.
        case written
        /// The model failed or answered badly twice; the template's version stays.
        case keptTemplate = "kept_template"
        /// A newer spec for the same component came first, or the meeting ended.
        case superseded
    }

    public var specID: String
    public var component: ComponentKind
    public var phase: Phase
    /// Characters of the answer received so far (streaming).
    public var characters: Int
    /// Why the template's version stays (`keptTemplate`); the notes before it say it in words.
    public var failure: ComponentFailure?

    public init(specID: String, component: ComponentKind, phase: Phase, characters: Int = 0, failure: ComponentFailure? = nil) {
        self.specID = specID
        self.component = component
        self.phase = phase
        self.characters = characters
        self.failure = failure
    }

    enum CodingKeys: String, CodingKey {
        case specID = "spec_id", component, phase, characters
    }

    /// Still working: the status line shows it.
    public var isActive: Bool { phase == .asking || phase == .streaming }
}

/// What people say about the design under discussion (filled by the insights stage).
public struct InsightSummary: Sendable, Hashable, Codable {
    public var query: String
    public var count: Int
    public var meanSentiment: Double
    /// Counts of posts per sentiment bucket, from most negative to most positive.
    public var distribution: [Int]
    public var quotes: [Quote]
    public var tags: [String: Int]
    /// Why there is nothing to show, when there is nothing, so the pane can say what to do.
    public var empty: Empty?

    /// The cases of an empty summary, each with its own remedy.
    public enum Empty: Sendable, Hashable, Codable {
        /// A model or lexicon is missing (`missing` names it): insights are off.
        case off(missing: String, reason: String)
        /// No source configured; `stored` posts (from a dump, say), none about this query.
        case noSource(stored: Int)
        /// These sources are configured, but nothing about this query was found.
        case nothingFound(sources: [String])
    }

    public struct Quote: Sendable, Hashable, Codable {
        public var text: String
        public var source: String
        public var date: String
        public var sentiment: Double
        public init(text: String, source: String, date: String, sentiment: Double) {
            self.text = text
            self.source = source
            self.date = date
            self.sentiment = sentiment
        }
    }

    public init(query: String, count: Int, meanSentiment: Double, distribution: [Int], quotes: [Quote], tags: [String: Int],
                empty: Empty? = nil) {
        self.query = query
        self.count = count
        self.meanSentiment = meanSentiment
        self.distribution = distribution
        self.quotes = quotes
        self.tags = tags
        self.empty = empty
    }

    /// No posts, for the reason given.
    public static func empty(_ reason: Empty, query: String = "") -> InsightSummary {
        InsightSummary(query: query, count: 0, meanSentiment: 0, distribution: [0, 0, 0, 0, 0], quotes: [], tags: [:], empty: reason)
    }

    enum CodingKeys: String, CodingKey {
        case query, count, distribution, quotes, tags, empty
        case meanSentiment = "mean_sentiment"
    }
}

/// What watchers (the TUI, a key press) ask of the pipeline.
public enum PipelineCommand: Sendable, Hashable {
    /// Generate now from the current window of talk.
    case generateNow
    /// Make the suggestion heard in this utterance.
    case makeSuggestion(utteranceID: String)
    case setPaused(Bool)
    /// Write every component of the session to a folder.
    case export(to: String)
    case refreshInsights
    /// Call the speaker of lines labelled `label` ("Speaker 1", "Call", a VTT name) `name`
    /// for the rest of the meeting.
    case renameSpeaker(label: String, name: String)
    case quit
}
