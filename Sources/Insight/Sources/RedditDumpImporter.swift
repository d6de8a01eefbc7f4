import Foundation

/// Reads Reddit dump files (Pushshift-style JSON Lines: id, author, subreddit, title,
/// selftext or body, created_utc, score, permalink) a batch at a time, never the whole file:
/// dumps run to gigabytes. Lines that are not such objects are skipped and counted, so one
/// corrupt line does not lose an import.
public struct RedditDumpImporter {
    /// Skipped lines kept with their reason; beyond this only the count grows.
    public static let keptSkips = 100

    private var lines: LineReader
    public let totalBytes: Int
    /// Line numbers (from 1) that could not be read, with why: the first `keptSkips` of them.
    public private(set) var skipped: [(line: Int, reason: String)] = []
    public private(set) var skippedCount = 0

    public init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InsightError.missingFile(path: path, hint: "give a JSON Lines dump (one post or comment per line)")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
        totalBytes = size ?? 0
        lines = LineReader(handle: handle)
    }

    /// Bytes of the lines handed out so far, for progress.
    public var bytesRead: Int { lines.consumed }

    /// Up to `size` posts from the next lines, or nil at the end of the file.
    public mutating func nextBatch(size: Int = 256) throws -> [Post]? {
        var posts: [Post] = []
        while posts.count < size, let line = try lines.next() {
            let outcome: Swift.Result<Post, RedditListing.Problem>?
            switch line {
            case .text(let data): outcome = Self.post(line: data)
            case .overlong: outcome = .failure(RedditListing.Problem(reason: "longer than \(LineReader.maxLine >> 20) MiB"))
            }
            switch outcome {
            case nil: continue
            case .success(let post)?: posts.append(post)
            case .failure(let problem)?:
                skippedCount += 1
                if skipped.count < Self.keptSkips { skipped.append((lines.lineNumber, problem.reason)) }
            }
        }
        return posts.isEmpty && lines.atEnd ? nil : posts
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

/// Lines of a file read in 1 MiB chunks; memory stays at a chunk plus the longest line, and a
/// line past `maxLine` (no newline in a corrupt file) is dropped rather than held.
struct LineReader {
    enum Line { case text(Data), overlong }

    static let chunk = 1 << 20
    static let maxLine = 16 << 20

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var discarding = false
    private var ended = false
    /// Bytes of the lines returned so far, newlines included.
    private(set) var consumed = 0
    private(set) var lineNumber = 0

    init(handle: FileHandle) { self.handle = handle }

    var atEnd: Bool { ended && start >= buffer.count }

    mutating func next() throws -> Line? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 10) {
                let line = buffer[start..<newline]
                consumed += newline + 1 - start
                start = newline + 1
                lineNumber += 1
                if discarding {
                    discarding = false
                    return .overlong
                }
                return .text(Data(line))
            }
            if ended {
                guard start < buffer.count || discarding else { return nil }
                let line = buffer[start...]
                consumed += buffer.count - start
                start = buffer.count
                lineNumber += 1
                if discarding {
                    discarding = false
                    return .overlong
                }
                return .text(Data(line))
            }
            buffer.removeFirst(start)
            start = 0
            if buffer.count > Self.maxLine {
                consumed += buffer.count
                buffer.removeAll(keepingCapacity: false)
                discarding = true
            }
            let piece = try handle.read(upToCount: Self.chunk) ?? Data()
            if piece.isEmpty {
                ended = true
                try? handle.close()
            } else {
                buffer.append(contentsOf: piece)
            }
        }
    }
}
