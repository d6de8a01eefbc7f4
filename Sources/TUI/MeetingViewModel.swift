import Core

/// What the panes show, reduced from pipeline events. Holds no pipeline logic: only what was reported.
public struct MeetingViewModel: Sendable, Equatable {
    /// A transcript line; a partial one is replaced in place by later events with its id.
    public struct Line: Sendable, Equatable {
        public var id: String
        /// The label the line was heard with; `name(of:)` gives the name to show.
        public var speaker: String?
        public var start: Double
        public var text: String
        public var isFinal: Bool
    }

    public struct IntentRow: Sendable, Equatable {
        public var intent: IntentMsg
        public var triggered: Bool
    }

    /// A reading the meeting only offers: made by `g` (the newest) or by choosing it.
    public struct SuggestionRow: Sendable, Equatable {
        public var intent: IntentMsg
        public var reason: String
    }

    /// Offers kept on screen; older ones drop off (the meeting forgets them too).
    public static let maxSuggestions = 20

    /// Every written version of one component, oldest first.
    public struct ComponentHistory: Sendable, Equatable {
        public var id: String
        public var name: String
        public var kind: ComponentKind
        public var versions: [ComponentWritten]
    }

    public struct Failure: Sendable, Equatable {
        public var specID: String
        public var component: ComponentKind
        public var reason: String
    }

    /// The latest line from the pipeline for the status line: a problem, or a confirmation
    /// ("exported 4 component versions to …") that must not look like one.
    public struct Warning: Sendable, Equatable {
        public var text: String
        public var at: Double
        public var isNotice = false
    }

    /// Long meetings keep only the newest lines on screen (the store keeps them all).
    public static let maxLines = 2000

    public private(set) var lines: [Line] = []
    public private(set) var intents: [IntentRow] = []
    /// Offers not yet made, oldest first.
    public private(set) var suggestions: [SuggestionRow] = []
    public private(set) var specs: [String: DesignSpec] = [:]
    public private(set) var components: [ComponentHistory] = []
    public private(set) var failures: [Failure] = []
    public private(set) var status: PipelineStatus?
    public private(set) var slowQueued: Int?
    public private(set) var lastComponent: ComponentWritten?
    public private(set) var insight: InsightSummary?
    /// A model writing a component right now; nil once it is done or gave up.
    public private(set) var modelActivity: ModelActivity?
    public private(set) var warning: Warning?
    public private(set) var finished = false
    /// Names the meeting gave speakers, by label.
    public private(set) var speakerNames: [String: String] = [:]
    /// Each speaker label's place in the order speakers were first heard: its colour, for the
    /// whole meeting, whatever it is renamed to.
    public private(set) var speakerSlots: [String: Int] = [:]
    public private(set) var eventCount = 0

    public init() {}

    public mutating func apply(_ event: PipelineEvent, at time: Double) {
        eventCount += 1
        switch event {
        case .transcript(let u):
            let line = Line(id: u.id, speaker: u.msg.speaker, start: u.msg.tsStart, text: u.msg.text, isFinal: u.isFinal)
            if let label = u.msg.speaker, speakerSlots[label] == nil { speakerSlots[label] = speakerSlots.count }
            // Partials are replaced near the end of the list; search backwards.
            if let i = lines.lastIndex(where: { $0.id == u.id }) {
                lines[i] = line
            } else {
                lines.append(line)
                if lines.count > Self.maxLines { lines.removeFirst(lines.count - Self.maxLines) }
            }
        case .intent(let intent, let triggered):
            // A made suggestion comes back as a triggered intent: it is no longer on offer.
            suggestions.removeAll { $0.intent.utteranceID == intent.utteranceID }
            // An intent is reported when found and again when it triggers generation.
            if let i = intents.lastIndex(where: { $0.intent.utteranceID == intent.utteranceID }) {
                intents[i] = IntentRow(intent: intent, triggered: triggered || intents[i].triggered)
            } else {
                intents.append(IntentRow(intent: intent, triggered: triggered))
            }
        case .suggestion(let intent, let reason):
            suggestions.removeAll { $0.intent.utteranceID == intent.utteranceID }
            suggestions.append(SuggestionRow(intent: intent, reason: reason))
            if suggestions.count > Self.maxSuggestions { suggestions.removeFirst(suggestions.count - Self.maxSuggestions) }
        case .spec(let spec):
            specs[spec.specID] = spec
        case .component(let written):
            lastComponent = written
            if let i = components.firstIndex(where: { $0.id == written.componentID }) {
                components[i].versions.append(written)
                components[i].versions.sort { $0.version < $1.version }
                components[i].name = written.name
            } else {
                components.append(ComponentHistory(id: written.componentID, name: written.name, kind: written.kind,
                                                   versions: [written]))
            }
        case .componentFailed(let specID, let kind, let reason):
            failures.append(Failure(specID: specID, component: kind, reason: reason.description))
            warning = Warning(text: "\(kind.typeName) not written: \(reason)", at: time)
        case .slow(let queued):
            slowQueued = queued
        case .status(let s):
            status = s
            // While behind, the meeting reports `.slow` before each status; a status showing
            // fewer queued than the last `.slow` means recognition has caught up.
            if let slow = slowQueued, s.queueDepth < slow { slowQueued = nil }
        case .warning(let text):
            warning = Warning(text: text, at: time)
        case .notice(let text):
            warning = Warning(text: text, at: time, isNotice: true)
        case .insight(let summary):
            insight = summary
        case .model(let activity):
            modelActivity = activity.isActive ? activity : nil
        case .speaker(let label, let name):
            speakerNames[label] = name == label ? nil : name
        case .finished:
            finished = true
        }
    }

    /// The name a speaker label goes by now.
    public func name(of label: String?) -> String? {
        label.map { speakerNames[$0] ?? $0 }
    }

    /// The colour of a speaker label: the next of the theme's speaker colours for each new speaker.
    public func role(ofSpeaker label: String?) -> Role {
        Role.speaker(slot: label.flatMap { speakerSlots[$0] } ?? 0)
    }

    /// The component a written spec belongs to, found through the intent's utterance id.
    public func component(forIntentAt index: Int) -> (id: String, version: Int)? {
        guard intents.indices.contains(index) else { return nil }
        let utterance = intents[index].intent.utteranceID
        var best: (String, Int)?
        for history in components {
            for v in history.versions {
                if let spec = specs[v.event.specID], spec.utteranceIDs.contains(utterance) {
                    best = (history.id, v.version)
                }
            }
        }
        return best.map { (id: $0.0, version: $0.1) }
    }

    public func history(_ id: String) -> ComponentHistory? {
        components.first { $0.id == id }
    }

    /// How many segments wait, from the status line or the last `.slow` report.
    public var queueDepth: Int { max(status?.queueDepth ?? 0, slowQueued ?? 0) }
    public var isSlow: Bool { slowQueued != nil }
}
