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
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                result.skipped.append((number, "not a JSON object"))
                continue
            }
            guard let post = RedditListing.post(from: object) else {
                result.skipped.append((number, "no id or no title/selftext/body"))
                continue
            }
            result.posts.append(post)
        }
        return result
    }
}
