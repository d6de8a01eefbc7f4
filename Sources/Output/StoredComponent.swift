import Core
import Foundation

/// One component version as the session database keeps it; what an export writes.
public struct StoredComponent: Sendable, Hashable, Codable {
    public var specID: String
    public var componentID: String
    public var name: String
    public var kind: ComponentKind
    public var version: Int
    /// Where the live watched folder put it.
    public var path: String
    public var jsx: String
    public var writtenAt: Date
    /// From the triggering utterance to the file on disk, in seconds.
    public var latency: Double
    /// The utterances its spec came from.
    public var utteranceIDs: [String]

    public init(specID: String, componentID: String, name: String, kind: ComponentKind, version: Int, path: String,
                jsx: String, writtenAt: Date, latency: Double, utteranceIDs: [String] = []) {
        self.specID = specID
        self.componentID = componentID
        self.name = name
        self.kind = kind
        self.version = version
        self.path = path
        self.jsx = jsx
        self.writtenAt = writtenAt
        self.latency = latency
        self.utteranceIDs = utteranceIDs
    }
}
