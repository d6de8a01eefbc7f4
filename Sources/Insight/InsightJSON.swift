import Foundation

/// The JSON shapes `mockpilot search` and `classify` print and `serve` answers with, written in
/// one place so the command line and the server cannot drift apart.
public enum InsightJSON {
    /// One search hit: the post, its sentiment (-1...1) and its embedding distance from the query.
    public static func hit(_ post: Post, distance: Float, dates: ISO8601DateFormatter) -> String {
        var json = OrderedJSON()
        json.add("id", post.id)
        json.add("source", post.source)
        json.add("community", post.community)
        json.add("author", post.author)
        json.add("created", dates.string(from: post.created))
        json.add("url", post.url)
        json.add("text", post.text)
        json.add("sentiment", post.sentiment ?? 0)
        json.add("embedding_distance", Double(distance))
        json.add("tags", raw: "[" + post.tags.map { OrderedJSON.quote($0.tag) }.joined(separator: ",") + "]")
        return json.line
    }

    /// `{post_id, tags: [{tag, inferred, evidence}]}` for one classified post.
    public static func classification(_ record: TextRecord, tags: [DemographicTag]) -> String {
        let tags = tags.map { tag -> String in
            var json = OrderedJSON()
            json.add("tag", tag.tag)
            json.add("inferred", raw: "true")
            json.add("evidence", tag.evidence)
            return json.line
        }
        var json = OrderedJSON()
        json.add("post_id", record.id ?? "line-\(record.line)")
        json.add("tags", raw: "[" + tags.joined(separator: ",") + "]")
        return json.line
    }
}
