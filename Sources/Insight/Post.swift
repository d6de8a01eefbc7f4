import Foundation

/// One thing someone said about a design, from any source, as stored and searched.
public struct Post: Sendable, Hashable, Codable {
    /// Unique across sources: "reddit:abc123", "instagram:1789...", "file:xyz".
    public var id: String
    /// "reddit", "instagram" or "file".
    public var source: String
    public var author: String
    /// "r/web_design" or "#uidesign".
    public var community: String
    public var text: String
    public var url: String
    public var created: Date
    public var score: Int
    /// VADER compound, -1...1, once scored.
    public var sentiment: Double?
    public var tags: [DemographicTag]
    /// L2-normalised MiniLM embedding (384 floats), once embedded.
    public var embedding: [Float]?

    public init(id: String, source: String, author: String, community: String, text: String, url: String,
                created: Date, score: Int, sentiment: Double? = nil, tags: [DemographicTag] = [], embedding: [Float]? = nil) {
        self.id = id
        self.source = source
        self.author = author
        self.community = community
        self.text = text
        self.url = url
        self.created = created
        self.score = score
        self.sentiment = sentiment
        self.tags = tags
        self.embedding = embedding
    }
}

/// A fetched API body kept verbatim with when it was fetched, so a parser fix can re-read it.
public struct RawResponse: Sendable, Hashable {
    public var url: String
    public var fetched: Date
    public var status: Int
    public var body: Data

    public init(url: String, fetched: Date, status: Int, body: Data) {
        self.url = url
        self.fetched = fetched
        self.status = status
        self.body = body
    }
}
