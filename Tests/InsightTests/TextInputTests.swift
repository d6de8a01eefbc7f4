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
