import Foundation

/// One line of `mockpilot sessions`.
public struct SessionSummary: Sendable, Hashable {
    /// "2026-11-25-1432-ab12".
    public var id: String
    public var started: Date
    /// What was heard: a file name, "alsa:default", ...
    public var source: String
    public var title: String?
    /// Utterances still kept (older ones are purged for privacy).
    public var utteranceCount: Int
    /// Distinct components, each possibly in several versions.
    public var componentCount: Int
    public var versionCount: Int
    /// Who spoke, under the names the meeting gave them, in the order they first spoke.
    public var speakers: [String]

    public init(id: String, started: Date, source: String, title: String?, utteranceCount: Int, componentCount: Int,
                versionCount: Int, speakers: [String] = []) {
        self.id = id
        self.started = started
        self.source = source
        self.title = title
        self.utteranceCount = utteranceCount
        self.componentCount = componentCount
        self.versionCount = versionCount
        self.speakers = speakers
    }
}
