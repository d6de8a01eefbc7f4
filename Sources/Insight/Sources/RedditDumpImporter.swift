import Foundation

/// Reads Reddit dump files (Pushshift-style JSON Lines: id, author, subreddit, title,
/// selftext or body, created_utc, score, permalink). Lines that are not such objects are
/// skipped and counted, so one corrupt line does not lose a multi-gigabyte import.
public struct RedditDumpImporter: Sendable {
    public struct Result: Sendable {
        public var posts: [Post]
        /// Line numbers (from 1) that could not be read, with why.
        public var skipped: [(line: Int, reason: String)]
    }

    public init() {}

    public func read(path: String) throws -> Result {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InsightError.missingFile(path: path, hint: "give a JSON Lines dump (one post or comment per line)")
        }
        defer { try? handle.close() }
        let data = handle.readDataToEndOfFile()
        var result = Result(posts: [], skipped: [])
        var number = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            switch Self.post(line: Data(line)) {
            case nil: continue
            case .success(let post)?: result.posts.append(post)
            case .failure(let problem)?: result.skipped.append((number, problem.reason))
            }
        }
        return result
    }

    /// One dump line: nil when blank, else the post or why it is not one.
    static func post(line: Data) -> Swift.Result<Post, RedditListing.Problem>? {
        if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { return nil }
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else {
            return .failure(RedditListing.Problem(reason: "not a JSON object"))
        }
        return RedditListing.post(from: object)
    }
}
