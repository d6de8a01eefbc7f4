import Testing
@testable import Insight

@Suite struct TextInputTests {
    @Test func plainLinesAndJSONLinesMix() throws {
        let records = try TextInput.parse("""
            plain line

            {"id": "p1", "text": "json line", "subreddit": "webdev"}
            {"caption": "from instagram", "hashtag": "uidesign", "id": 7}
            """, source: "in.txt")
        #expect(records == [
            TextRecord(line: 1, text: "plain line"),
            TextRecord(line: 3, text: "json line", id: "p1", community: "r/webdev"),
            TextRecord(line: 4, text: "from instagram", id: "7", community: "#uidesign"),
        ])
    }

    @Test func windowsLineEndsSplitLikeUnixOnes() throws {
        let records = try TextInput.parse("first\r\n\r\n{\"text\": \"json\", \"id\": \"p\"}\r\nlast\r\n", source: "win.txt")
        #expect(records == [
            TextRecord(line: 1, text: "first"),
            TextRecord(line: 3, text: "json", id: "p"),
            TextRecord(line: 4, text: "last"),
        ])
        // Mixed endings, and a bad line still named by its number.
        #expect(throws: InsightError.badInput(source: "win.txt", line: 3, reason: "starts with '{' but is not a JSON object")) {
            _ = try TextInput.parse("a\nb\r\n{oops\r\n", source: "win.txt")
        }
    }

    @Test func aCRLFLabelledSetIsEvaluatedLineByLine() throws {
        let path = try TestSupport.temporaryDirectory() + "/labelled.jsonl"
        let lines = [#"{"id": "a", "text": "As a designer I like it", "tags": ["Designer"]}"#,
                     #"{"id": "b", "text": "no idea who wrote this", "tags": []}"#, ""]
        try lines.joined(separator: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        let evaluation = try DemographicEvaluation.evaluate(labelledFile: path, classifier: DemographicClassifier(referenceYear: 2026))
        #expect(evaluation.posts == 2)
        #expect(evaluation.perTag["Designer"]?.truePositives == 1)
    }

    @Test func badLinesNameTheFileAndLine() {
        #expect(throws: InsightError.badInput(source: "in.jsonl", line: 2, reason: "starts with '{' but is not a JSON object")) {
            _ = try TextInput.parse("ok\n{broken", source: "in.jsonl")
        }
        let error = #expect(throws: InsightError.self) { _ = try TextInput.parse(#"{"title": "x"}"#, source: "in.jsonl") }
        #expect(error?.localizedDescription == #"in.jsonl:1: JSON object has no string "text" field"#)
    }

    @Test func outputKeepsKeyOrderAndEscapes() {
        var json = OrderedJSON()
        json.add("text", "say \"hi\"\n\u{1}")
        json.add("compound", -0.5)
        json.add("n", 1.0)
        #expect(json.line == #"{"text":"say \"hi\"\n\u0001","compound":-0.5,"n":1.0}"#)
    }
}
