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
        // A child we cannot read is left out; the rest of the page is still good.
        let posts = children.compactMap { ($0["data"] as? [String: Any]).flatMap { try? post(from: $0).get() } }
        return (posts, data["after"] as? String)
    }

    /// Why a post object could not be read, in words for the skipped-line report.
    struct Problem: Error, Equatable {
        var reason: String
    }

    /// One post or comment object, or why it is not one (no id, no text, a number that is not one).
    static func post(from d: [String: Any]) -> Result<Post, Problem> {
        guard let id = identifier(d["id"]), !id.isEmpty else { return .failure(Problem(reason: "no id")) }
        let title = string(d["title"]) ?? ""
        let body = string(d["selftext"]) ?? string(d["body"]) ?? ""
        let cleanBody = (body == "[removed]" || body == "[deleted]") ? "" : body
        let text = [title, cleanBody].filter { !$0.isEmpty }.joined(separator: "\n\n")
        guard !text.isEmpty else { return .failure(Problem(reason: "no title/selftext/body")) }
        let created: Double
        switch number(d["created_utc"]) {
        case .absent: created = 0
        case .value(let t) where t.isFinite && (0...Self.latestTimestamp).contains(t): created = t
        case .value, .notANumber: return .failure(Problem(reason: "created_utc is not a Unix time"))
        }
        let score: Int
        switch number(d["score"]) {
        case .absent: score = 0
        case .value(let s) where s.isFinite: score = clampedInt(s)
        case .value, .notANumber: return .failure(Problem(reason: "score is not a number"))
        }
        let permalink = string(d["permalink"]) ?? ""
        let subreddit = string(d["subreddit"]) ?? ""
        return .success(Post(id: "reddit:" + id, source: "reddit", author: string(d["author"]) ?? "[unknown]",
                             community: subreddit.isEmpty ? "" : "r/" + subreddit, text: text,
                             url: permalink.hasPrefix("http") ? permalink : "https://www.reddit.com" + permalink,
                             created: Date(timeIntervalSince1970: created), score: score))
    }

    /// 9999-12-31: anything later is a corrupt field, not a date.
    static let latestTimestamp: Double = 253_402_300_799

    /// `x` rounded toward zero into Int's range; `Int(x)` itself traps on 1e300.
    static func clampedInt(_ x: Double) -> Int {
        if let exact = Int(exactly: x.rounded(.towardZero)) { return exact }
        return x < 0 ? Int.min : Int.max
    }

    private static func string(_ v: Any?) -> String? {
        if let s = v as? String { return s }
        if let n = v as? NSNumber { return n.stringValue }
        return nil
    }

    /// Ids are strings, or whole numbers in some dumps; never a fraction or "inf".
    private static func identifier(_ v: Any?) -> String? {
        if let s = v as? String { return s }
        if let n = v as? NSNumber, n.doubleValue.isFinite, let i = Int(exactly: n.doubleValue) { return String(i) }
        return nil
    }

    enum Number { case absent, value(Double), notANumber }

    /// Dumps hold numbers both as numbers and as strings ("1609459200"); null counts as absent.
    private static func number(_ v: Any?) -> Number {
        switch v {
        case nil, is NSNull: return .absent
        case let n as NSNumber: return .value(n.doubleValue)
        case let s as String:
            return Double(s.trimmingCharacters(in: .whitespaces)).map(Number.value) ?? .notANumber
        default: return .notANumber
        }
    }
}
