import Foundation
import TestSupport
import Testing

/// `embed`, `sentiment`, `classify` and `search` through the built binary: the JSON Lines shapes
/// they document, and what a user sees on input that is not what they expect.
@Suite struct InsightCommandsTests {
    func objects(_ stdout: String) -> [[String: Any]] {
        stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// The bad inputs every line-reading command shares, and the one line each gives.
    func refusesBadInput(_ command: [String]) throws {
        let home = try InsightFixture()
        defer { home.remove() }
        let broken = try home.write("a fine line\n{\"text\": \"cut\n", to: "broken.jsonl")
        let result = try Binary.run(command + [broken], environment: home.environment())
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "mockpilot: \(broken):2: starts with '{' but is not a JSON object\n", "\(result.stderr)")

        let noText = try home.write("{\"title\": \"x\"}\n", to: "notext.jsonl")
        let missing = try Binary.run(command + [noText], environment: home.environment())
        #expect(missing.status != 0)
        #expect(missing.stderr == "mockpilot: \(noText):1: JSON object has no string \"text\" field\n")

        // A PNG header: its third line (after 0x0A twice) starts with NUL bytes.
        let binary = home.dir.path + "/image.png"
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: binary))
        let bin = try Binary.run(command + [binary], environment: home.environment())
        #expect(bin.status != 0)
        #expect(bin.stdout.isEmpty)
        #expect(bin.stderr == "mockpilot: \(binary):3: a binary file (NUL bytes), not text\n", "\(bin.stderr)")

        let latin1 = try home.write("", to: "latin1.txt")
        try Data([0x63, 0x61, 0x66, 0x0A, 0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: latin1))
        let notUTF8 = try Binary.run(command + [latin1], environment: home.environment())
        #expect(notUTF8.status != 0)
        #expect(notUTF8.stderr == "mockpilot: \(latin1):2: not UTF-8 text\n")

        // Defined behaviour: an empty input prints nothing and succeeds, as grep's empty output would pipe.
        let empty = try home.write("", to: "empty.txt")
        let none = try Binary.run(command + [empty], environment: home.environment())
        #expect(none.status == 0, "\(none.stderr)")
        #expect(none.stdout.isEmpty && none.stderr.isEmpty)

        let gone = try Binary.run(command + [home.dir.path + "/nope.txt"], environment: home.environment())
        #expect(gone.status != 0)
        #expect(gone.stderr.split(separator: "\n").count == 1)
        #expect(gone.stderr.hasPrefix("mockpilot: \(home.dir.path)/nope.txt: not found"), "\(gone.stderr)")
    }

    @Test func sentimentPrintsVaderScoresPerLine() throws {
        let home = try InsightFixture()
        defer { home.remove() }
        let result = try Binary.run(["sentiment", "-"], stdin: "I love this button!\n\n{\"text\": \"The hover is awful and confusing.\", \"id\": \"p2\"}\nA button.\n",
                                    environment: home.environment())
        #expect(result.status == 0, "\(result.stderr)")
        let rows = objects(result.stdout)
        #expect(rows.count == 3)
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("{\"text\":") && $0.contains(",\"compound\":") })
        for row in rows {
            #expect(Set(row.keys) == ["text", "compound", "pos", "neu", "neg"])
            let sum = (row["pos"] as? Double ?? 0) + (row["neu"] as? Double ?? 0) + (row["neg"] as? Double ?? 0)
            #expect(abs(sum - 1) < 0.01, "\(row)")
        }
        #expect((rows[0]["compound"] as? Double ?? 0) > 0.5)
        #expect((rows[1]["compound"] as? Double ?? 0) < -0.3)
        #expect(rows[2]["text"] as? String == "A button.")
        let windows = try Binary.run(["sentiment", "-"], stdin: "I love it.\r\nI hate it.\r\n", environment: home.environment())
        #expect(objects(windows.stdout).map { $0["text"] as? String } == ["I love it.", "I hate it."], "\(windows.stdout)")
        #expect(rows[2]["compound"] as? Double == 0)
        try refusesBadInput(["sentiment"])
    }

    @Test func embedPrintsUnitVectorsThatMatchTheReference() throws {
        let home = try InsightFixture()
        defer { home.remove() }
        let reference = Repository.shared.appendingPathComponent("eval/minilm_reference.jsonl").path
        let first = try #require(try String(contentsOfFile: reference, encoding: .utf8).split(separator: "\n").first)
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        let text = try #require(expected["text"] as? String)
        let result = try Binary.run(["embed"], stdin: text + "\nsecond line\n", environment: home.environment())
        #expect(result.status == 0, "\(result.stderr)")
        let rows = objects(result.stdout)
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { Set($0.keys) == ["text", "embedding"] })
        let vector = try #require(rows.first?["embedding"] as? [Double])
        #expect(vector.count == 384)
        #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4, "L2-normalised")
        let want = try #require(expected["embedding"] as? [Double])
        let cosine = zip(vector, want).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(cosine >= 0.999, "cosine \(cosine) with sentence-transformers")
        try refusesBadInput(["embed"])
    }

    @Test func classifyPrintsInferredTagsWithEvidence() throws {
        let home = try InsightFixture()
        defer { home.remove() }
        let one = try Binary.run(["classify", "As a product designer I think this is fine"], environment: home.environment())
        #expect(one.status == 0, "\(one.stderr)")
        let row = try #require(objects(one.stdout).first)
        #expect(row["post_id"] as? String == "line-1")
        let tags = try #require(row["tags"] as? [[String: Any]])
        #expect(tags.first?["tag"] as? String == "Designer")
        #expect(tags.first?["inferred"] as? Bool == true)
        #expect((tags.first?["evidence"] as? String)?.hasPrefix("As a product designer") == true)

        let piped = try Binary.run(["classify", "-"], stdin: "{\"id\": \"p9\", \"text\": \"why does every app look the same\", \"subreddit\": \"GenZ\"}\nno tags here\n",
                                   environment: home.environment())
        #expect(piped.status == 0, "\(piped.stderr)")
        let rows = objects(piped.stdout)
        #expect(rows.map { $0["post_id"] as? String } == ["p9", "line-2"])
        #expect((rows[1]["tags"] as? [Any])?.isEmpty == true)

        let bad = try Binary.run(["classify", "-"], stdin: "{nope\n", environment: home.environment())
        #expect(bad.status != 0)
        #expect(bad.stderr == "mockpilot: stdin:1: starts with '{' but is not a JSON object\n")
        let nothing = try Binary.run(["classify"], environment: home.environment())
        #expect(nothing.status != 0)
        #expect(nothing.stderr.contains("give a TEXT to classify, - for stdin, or --labelled FILE"))
    }

    @Test func searchPrintsTheOriginalShapeNearestFirst() throws {
        let home = try InsightFixture()
        defer { home.remove() }
        let lines = [
            #"{"id":"s1","author":"ana","subreddit":"web_design","title":"Pill pay buttons","selftext":"I love a pill-shaped pay button.","created_utc":1760000000,"score":12,"permalink":"/r/web_design/comments/s1/"}"#,
            #"{"id":"s2","author":"bo","subreddit":"Frontend","title":"Checkout","selftext":"The gradient pay button is ugly.","created_utc":1760000100,"score":3}"#,
            #"{"id":"s3","author":"cy","subreddit":"Breadit","title":"Sourdough","selftext":"My starter died again.","created_utc":1760000200,"score":40}"#,
        ]
        let dump = try home.write(lines.joined(separator: "\n"), to: "dump.jsonl")
        let mined = try Binary.run(["mine", "x", "--source", dump, "--db", home.db], environment: home.environment())
        #expect(mined.status == 0, "\(mined.stderr)")

        let result = try Binary.run(["search", "pay button", "--db", home.db], environment: home.environment())
        #expect(result.status == 0, "\(result.stderr)")
        let rows = objects(result.stdout)
        #expect(rows.map { $0["id"] as? String } == ["reddit:s1", "reddit:s2"], "the bread post is not about buttons")
        let keys: Set<String> = ["id", "source", "community", "author", "created", "url", "text", "sentiment", "embedding_distance", "tags"]
        #expect(rows.allSatisfy { Set($0.keys) == keys })
        let distances = rows.compactMap { $0["embedding_distance"] as? Double }
        #expect(distances == distances.sorted() && distances.count == 2)
        #expect((rows[0]["sentiment"] as? Double ?? 0) > 0 && (rows[1]["sentiment"] as? Double ?? 0) < 0)
        #expect(rows[0]["url"] as? String == "https://www.reddit.com/r/web_design/comments/s1/")
        #expect(rows[0]["created"] as? String == "2025-10-09T08:53:20Z")
        #expect(result.stderr.hasPrefix("mockpilot: 2 posts in "))

        let one = try Binary.run(["search", "pay button", "-k", "1", "--db", home.db], environment: home.environment())
        #expect(objects(one.stdout).count == 1)
        let instagram = try Binary.run(["search", "pay button", "--source", "instagram", "--db", home.db], environment: home.environment())
        #expect(instagram.status == 0 && instagram.stdout.isEmpty)
        let zero = try Binary.run(["search", "pay button", "-k", "0", "--db", home.db], environment: home.environment())
        #expect(zero.status != 0)
        #expect(zero.stderr.contains("-k must be at least 1"))
        let huge = try Binary.run(["search", "pay button", "-k", "100000000", "--db", home.db], environment: home.environment())
        #expect(huge.status == 0, "\(huge.stderr)")
        #expect(huge.stderr.hasPrefix("mockpilot: -k 100000000 is more than 1000; showing at most 1000\n"), "\(huge.stderr)")
        #expect(objects(huge.stdout).count == 2)
        // Search only reads: a store that does not exist is said so, and nothing is created for it.
        let fresh = try Binary.run(["search", "pay button", "--db", home.dir.path + "/new.sqlite"], environment: home.environment())
        #expect(fresh.status != 0 && fresh.stdout.isEmpty)
        #expect(fresh.stderr == "mockpilot: no post database at \(home.dir.path)/new.sqlite (fill one with `mockpilot mine`)\n")
        #expect(!FileManager.default.fileExists(atPath: home.dir.path + "/new.sqlite"))
        let nested = home.dir.path + "/missing/dir/x.sqlite"
        let missing = try Binary.run(["search", "pay button", "--db", nested], environment: home.environment())
        #expect(missing.status != 0)
        #expect(missing.stderr == "mockpilot: no post database at \(nested) (fill one with `mockpilot mine`)\n")
        #expect(!FileManager.default.fileExists(atPath: home.dir.path + "/missing"), "a read-only command made folders")
    }
}

/// The commands `scripts/bench-insights.sh` takes its figures from (the bench itself runs only
/// in `make bench`, with the release binary it is given).
@Suite struct InsightBenchCommandsTests {
    @Test func embedReferenceChecksParityAgainstSentenceTransformers() throws {
        let home = try InsightFixture()
        defer { home.remove() }
        let reference = Repository.shared.appendingPathComponent("eval/minilm_reference.jsonl").path
        let result = try Binary.run(["embed", "--reference", reference], environment: home.environment())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("minilm: 40 sentences, word-piece ids identical 40/40, cosine >= 0.999 40/40, min cosine 0.99"),
                "\(result.stdout)")
        // A reference that disagrees fails, so the bench cannot print a parity it did not reach.
        let wrong = try home.write(#"{"text": "hello", "input_ids": [101, 7592, 102], "embedding": [\#(Array(repeating: "0.0", count: 384).joined(separator: ","))]}"# + "\n", to: "wrong.jsonl")
        let failed = try Binary.run(["embed", "--reference", wrong], environment: home.environment())
        #expect(failed.status != 0)
        #expect(failed.stdout.contains("cosine >= 0.999 0/1"), "\(failed.stdout)")
    }

    @Test func mineTimingReportsPostsPerSecondWithoutTheModelLoad() throws {
        let home = try InsightFixture()
        defer { home.remove() }
        let lines = (0..<50).map { #"{"id":"t\#($0)","title":"Button number \#($0) looks fine","created_utc":1700000000}"# }
        let dump = try home.write(lines.joined(separator: "\n"), to: "dump.jsonl")
        let result = try Binary.run(["mine", "x", "--source", dump, "--db", home.db, "--timing"], environment: home.environment())
        #expect(result.status == 0, "\(result.stderr)")
        let line = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(line.hasPrefix("mockpilot: timing: 50 new posts scored, tagged, embedded and stored in "), "\(line)")
        #expect(line.hasSuffix(" posts/s (model load excluded)"))
    }

    @Test func theBenchScriptUsesTheBinaryItIsGivenAndBuildsNothing() throws {
        let script = try String(contentsOf: Repository.root.appendingPathComponent("scripts/bench-insights.sh"), encoding: .utf8)
        let commands = script.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        #expect(commands.contains { $0.contains("BIN=${1:-") })
        #expect(!commands.contains { $0.contains("swift build") || $0.contains("swift test") }, "make bench must not build or test")
        #expect(commands.contains { $0.contains("demographics_heldout.jsonl") })
    }
}
