import Foundation

/// Reads Reddit's JSON shapes into posts: API Listings (`data.children[].data`) and
/// Pushshift-style dump lines (one object per line, `selftext` for posts, `body` for comments).
enum RedditListing {
    static func parse(_ body: Data, url: String) throws -> (posts: [Post], after: String?) {
        guard let root = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw InsightError.malformedResponse(source: "Reddit", url: url, reason: "not a JSON object")
        }
        guard let data = root["data"] as? [String: Any], let children = data["children"] as? [[String: Any]] else {
            throw InsightError.malformedResponse(source: "Reddit", url: url, reason: "no data.children Listing")
        }
        let posts = children.compactMap { ($0["data"] as? [String: Any]).flatMap(post(from:)) }
        return (posts, data["after"] as? String)
    }

    /// One post or comment object; nil when it has no id or no text at all.
    static func post(from d: [String: Any]) -> Post? {
        guard let id = string(d["id"]), !id.isEmpty else { return nil }
        let title = string(d["title"]) ?? ""
        let body = string(d["selftext"]) ?? string(d["body"]) ?? ""
        let cleanBody = (body == "[removed]" || body == "[deleted]") ? "" : body
        let text = [title, cleanBody].filter { !$0.isEmpty }.joined(separator: "\n\n")
        guard !text.isEmpty else { return nil }
        let created = number(d["created_utc"]) ?? 0
        let permalink = string(d["permalink"]) ?? ""
        let subreddit = string(d["subreddit"]) ?? ""
        return Post(id: "reddit:" + id, source: "reddit", author: string(d["author"]) ?? "[unknown]",
                    community: subreddit.isEmpty ? "" : "r/" + subreddit, text: text,
                    url: permalink.hasPrefix("http") ? permalink : "https://www.reddit.com" + permalink,
                    created: Date(timeIntervalSince1970: created), score: Int(number(d["score"]) ?? 0))
    }

    private static func string(_ v: Any?) -> String? {
        if let s = v as? String { return s }
        if let n = v as? NSNumber { return n.stringValue }
        return nil
    }

    /// Dumps hold numbers both as numbers and as strings ("1609459200").
    private static func number(_ v: Any?) -> Double? {
        if let n = v as? NSNumber { return n.doubleValue }
        if let s = v as? String { return Double(s) }
        return nil
    }
}
