import Foundation
import TestSupport
import Testing

@Suite struct ExtractCommandTests {
    @Test func plainTextAndJsonLinesAreNumberedAndBlankLinesCount() throws {
        let input = """
        Let's mock up a login screen, nothing fancy.

        {"text":"Make it dark.","ts_start":3,"ts_end":4,"speaker":"S2"}
        {"text":"Who's taking notes today?","ts_start":5,"ts_end":6,"id":"x-9"}
        {"text":"Can we get a sticky footer?","ts_start":7,"ts_end":8,"id":"x-10"}
        """
        let result = try Binary.run(["extract", "-"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        #expect(objects.map { $0["utterance_id"] as? String } == ["u1", "u3", "x-10"])
        #expect(objects[0]["component"] as? String == "login")
        #expect(objects[1]["refine"] as? Bool == true && objects[1]["refers_to"] as? String == "login")
        #expect(objects[1]["speaker"] as? String == "S2")
        #expect(objects[2]["component"] as? String == "footer")
    }

    @Test func aMalformedLineWarnsWithFileAndLineAndExitsNonZero() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("extract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("meeting.jsonl")
        try "{\"text\": broken\nLet's build a pricing page like Notion's.\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try Binary.run(["extract", file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("meeting.jsonl:1"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        // The good line after it is still read.
        #expect(result.stdout.contains("\"utterance_id\":\"u2\""))
        #expect(result.stdout.contains("\"brand_refs\":[\"Notion\"]"))
    }

    /// Delivery may repeat a line: the same utterance id is read once, and a repeat does not
    /// move what "make it dark" changes.
    @Test func aRepeatedUtteranceIdGivesOneIntent() throws {
        let input = """
        {"text":"Let's mock up a login screen.","ts_start":0,"ts_end":1,"id":"a1"}
        {"text":"Can we get a sticky footer?","ts_start":2,"ts_end":3,"id":"a2"}
        {"text":"Let's mock up a login screen.","ts_start":0,"ts_end":1,"id":"a1"}
        {"text":"Can we get a sticky footer?","ts_start":2,"ts_end":3,"id":"a2"}
        {"text":"Make it dark.","ts_start":4,"ts_end":5,"id":"a3"}
        """
        let result = try Binary.run(["extract", "-"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try result.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
        #expect(objects.map { $0["utterance_id"] as? String } == ["a1", "a2", "a3"])
        #expect(objects.last?["refers_to"] as? String == "footer")
    }

    @Test func evalIntentsPrintsTheTable() throws {
        let set = Repository.shared.appendingPathComponent("eval/intents.dev.jsonl").path
        let result = try Binary.run(["eval", "intents", set])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("design detection"))
        #expect(result.stdout.contains("lines scored          150"))
        #expect(result.stdout.contains("reliability") && result.stdout.contains("ECE"))
        #expect(result.stdout.contains("time per line"))
    }

    /// `--by-meeting` leaves out one meeting at a time, named by its ids, and writes each head
    /// under that name: what scripts/eval-outcome.sh --cross-meetings replays each meeting with.
    @Test func crossValidationByMeetingNamesEachHeadAfterItsMeeting() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("by-meeting-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func line(_ id: String, _ text: String, _ kind: String?) -> String {
            "{\"id\": \"\(id)\", \"text\": \"\(text)\", \"design\": \(kind != nil), \"component\": \(kind.map { "\"\($0)\"" } ?? "null")}"
        }
        let set = dir.appendingPathComponent("two.jsonl")
        try [line("hotel-01", "Let's build a booking form with dates.", "form"), line("hotel-02", "Who is taking notes?", nil),
             line("cafe-01", "Can we mock up a menu card?", "card"), line("cafe-02", "Lunch is at one.", nil)]
            .joined(separator: "\n").write(to: set, atomically: true, encoding: .utf8)
        let heads = dir.appendingPathComponent("heads")
        try FileManager.default.createDirectory(at: heads, withIntermediateDirectories: true)
        let result = try Binary.run(["eval", "train-intents", "--cross", "--by-meeting", "--heads", heads.path, set.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("without hotel ") && result.stdout.contains("without cafe "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: heads.path).sorted() == ["without-cafe.json", "without-hotel.json"])

        // A meeting whose lines are cut apart by another cannot be left out whole.
        try [line("hotel-01", "Let's build a booking form.", "form"), line("cafe-01", "Lunch is at one.", nil),
             line("hotel-02", "Who is taking notes?", nil)].joined(separator: "\n").write(to: set, atomically: true, encoding: .utf8)
        let split = try Binary.run(["eval", "train-intents", "--cross", "--by-meeting", set.path])
        #expect(split.status != 0)
        #expect(split.stderr.contains("meeting hotel is in more than one place"))
        #expect(split.stderr.split(separator: "\n").count == 1)
    }

    /// Without the sentence model the rules still find intents, after one line saying so.
    @Test func withoutTheEmbeddingModelTheRulesStillWork() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("no-models-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try Binary.run(["extract", "-"], stdin: "Let's mock up a login screen, dark.\n", environment: ["MOCKPILOT_DATA_DIR": empty.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("intents from rules alone"), "\(result.stderr)")
        #expect(result.stdout.contains("\"component\":\"login\""))
    }

    @Test func aMissingFileIsAClearError() throws {
        let result = try Binary.run(["extract", "/nonexistent/meeting.txt"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("/nonexistent/meeting.txt"))
    }
}
