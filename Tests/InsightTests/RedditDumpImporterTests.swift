import Foundation
import TestSupport
import Testing
@testable import Insight

/// The dump importer on hostile input: numbers no Int can hold, wrong types, broken JSON and
/// bytes that are not text. It must never trap, and every line is either a post or a reason.
@Suite struct RedditDumpImporterTests {
    static let valid = #"{"id":"a1","author":"x","subreddit":"web_design","title":"Pill buttons","selftext":"so clean","created_utc":1609459200,"score":3,"permalink":"/r/web_design/comments/a1/"}"#

    struct Read {
        var posts: [Post] = []
        var skipped: [(line: Int, reason: String)] = []
        var skippedCount = 0
    }

    func read(_ lines: [String], batch: Int = 7) throws -> Read {
        let path = try TestSupport.temporaryDirectory() + "/dump.jsonl"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var importer = try RedditDumpImporter(path: path)
        var result = Read()
        while let posts = try importer.nextBatch(size: batch) { result.posts += posts }
        result.skipped = importer.skipped
        result.skippedCount = importer.skippedCount
        #expect(importer.skipped.count == min(importer.skippedCount, RedditDumpImporter.keptSkips))
        #expect(importer.bytesRead == importer.totalBytes)
        return result
    }

    @Test func numbersThatDoNotFitAnIntAreClampedOrSkipped() throws {
        let result = try read([
            #"{"id":"big","title":"t","score":1e300,"created_utc":1609459200}"#,
            #"{"id":"neg","title":"t","score":-1e300}"#,
            #"{"id":"huge","title":"t","score":123456789012345678901234567890}"#,
            #"{"id":"inf","title":"t","score":1e400}"#,
            #"{"id":"nan","title":"t","score":"NaN"}"#,
            #"{"id":"text","title":"t","score":"lots"}"#,
            #"{"id":"when","title":"t","created_utc":"1e400"}"#,
            #"{"id":"future","title":"t","created_utc":1e15}"#,
            #"{"id":2.5,"title":"t"}"#,
            #"{"id":17,"title":"t","score":"  42 "}"#,
        ])
        #expect(result.posts.map(\.id) == ["reddit:big", "reddit:neg", "reddit:huge", "reddit:17"])
        #expect(result.posts.map(\.score) == [Int.max, Int.min, Int.max, 42])
        #expect(result.skipped.map(\.line) == [4, 5, 6, 7, 8, 9])
        #expect(result.skipped.first?.reason == "score is not a number" || result.skipped.first?.reason == "not a JSON object")
        #expect(result.skipped.map(\.reason)[1...] == ["score is not a number", "score is not a number", "created_utc is not a Unix time",
                                                      "created_utc is not a Unix time", "no id"])
    }

    @Test func aLineWithNoEndIsDroppedNotHeld() throws {
        let result = try read([String(repeating: "x", count: LineReader.maxLine + 3 * LineReader.chunk), Self.valid, Self.valid + "\r"])
        #expect(result.skipped.map(\.line) == [1])
        #expect(result.skipped.first?.reason == "longer than 16 MiB")
        #expect(result.posts.count == 2, "a CRLF line end is JSON whitespace")
    }

    /// A few hundred lines made by cutting, splicing and corrupting a valid one, with a seeded
    /// generator so a failure can be replayed.
    @Test func fuzzedLinesNeverTrapAndAreAllAccountedFor() throws {
        var rng = SeededRandom(seed: 0x5EED)
        let pieces = ["1e400", "-1e400", "NaN", "Infinity", "null", "true", "[]", "{}", "\"\"", "9223372036854775808",
                      "-9223372036854775809", "1.5", "\"\\ud800\"", "\"\\u0000\"", "{\"a\":[[[[[]]]]]}", "0x10", "01"]
        let fields = ["id", "title", "selftext", "body", "score", "created_utc", "author", "subreddit", "permalink"]
        var lines: [String] = []
        for i in 0..<400 {
            var line = Self.valid
            switch i % 5 {
            case 0:  // cut anywhere
                line = String(line.prefix(Int(rng.next() % UInt64(line.count))))
            case 1:  // a field's value replaced by something hostile
                let field = fields[Int(rng.next() % UInt64(fields.count))]
                let piece = pieces[Int(rng.next() % UInt64(pieces.count))]
                line = "{\"id\":\"f\(i)\",\"title\":\"t\",\"\(field)\":\(piece)}"
            case 2:  // a byte flipped
                var bytes = Array(line.utf8)
                bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next())
                line = String(decoding: bytes, as: UTF8.self)
            case 3:  // two lines run together, or a fragment doubled
                line = line + line.prefix(Int(rng.next() % 40))
            default:  // deep nesting and long junk
                line = String(repeating: "[", count: Int(rng.next() % 600)) + String(repeating: "x", count: Int(rng.next() % 3000))
            }
            lines.append(line.replacingOccurrences(of: "\n", with: " "))
        }
        lines.append(Self.valid)
        let result = try read(lines)
        let skipped = Set(result.skipped.map(\.line))
        #expect(skipped.count == result.skipped.count, "each line reported once")
        #expect(result.skipped.map(\.line) == result.skipped.map(\.line).sorted())
        #expect(skipped.allSatisfy { (1...lines.count).contains($0) })
        #expect(!skipped.contains(lines.count), "the valid last line is imported")
        let blank = lines.filter { $0.allSatisfy { $0 == " " || $0 == "\t" } }.count
        #expect(result.posts.count + result.skippedCount + blank == lines.count, "every line is a post, a reason or blank")
        #expect(result.posts.allSatisfy { !$0.text.isEmpty && $0.id.hasPrefix("reddit:") })
        #expect(result.skipped.allSatisfy { !$0.reason.isEmpty })
    }
}
