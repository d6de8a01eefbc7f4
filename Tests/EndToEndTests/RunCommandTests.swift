import Foundation
import TestSupport
import Testing

@Suite struct RunCommandTests {
    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func events(_ stdout: String) -> [[String: Any]] {
        stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// What one `run --no-tui` left behind: its events, the session database and the watched folder.
    struct Outcome {
        var result: Binary.Result
        var events: [[String: Any]]
        var database: SQLiteFile
        var out: URL
        var sessionID: String

        func files() throws -> [String: String] {
            let components = out.appendingPathComponent("src/components")
            var files: [String: String] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: components.path) {
                files[name] = try String(contentsOf: components.appendingPathComponent(name), encoding: .utf8)
            }
            return files
        }

        func manifest() throws -> [String: Any] {
            let data = try Data(contentsOf: out.appendingPathComponent("mockpilot.manifest.json"))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }

        func count(of type: String) -> Int { events.filter { $0["type"] as? String == type }.count }
    }

    func run(transcript: String, in dir: URL) throws -> Outcome {
        let result = try Binary.run(["run", "--transcript", transcript, "--no-tui", "--out", dir.path + "/out",
                                     "--db", dir.path + "/mp.sqlite"])
        let all = events(result.stdout)
        let statuses = all.compactMap { $0["status"] as? [String: Any] }
        let sessionID = try #require(statuses.compactMap { $0["session_id"] as? String }.first, "\(result.stderr)")
        return Outcome(result: result, events: all, database: try SQLiteFile(dir.path + "/mp.sqlite"),
                       out: dir.appendingPathComponent("out"), sessionID: sessionID)
    }

    @Test func aVTTMeetingThroughRunWritesComponentsAndTheDatabase() throws {
        let dir = try tempDir()
        let meeting = Repository.root.appendingPathComponent("scripts/demo/product-meeting.vtt").path
        let run = try run(transcript: meeting, in: dir)
        #expect(run.result.status == 0, "\(run.result.stderr)")
        #expect(run.events.last?["type"] as? String == "finished")
        let db = run.database

        // One session, named as the status line named it, with the file it heard.
        let sessions = try db.rows("SELECT id, source FROM sessions")
        #expect(sessions.count == 1)
        #expect(sessions.first?["id"] == run.sessionID)
        #expect(sessions.first?["source"] == "transcript \(meeting)")

        // Every one of the 26 cues, final, with speaker and times as the file has them.
        #expect(try db.count("utterances", where: "session = '\(run.sessionID)' AND final = 1") == 26)
        let ask = try db.rows("SELECT speaker, ts_start, ts_end, text FROM utterances WHERE text LIKE '%pill-shaped pay button%'")
        #expect(ask.count == 1)
        #expect(ask.first?["speaker"] == "Maya")
        #expect(ask.first?["ts_start"] == "32.4")
        #expect(ask.first?["ts_end"] == "38.554")
        #expect(ask.first?["text"] == "Right. So let's build a pill-shaped pay button with a purple-blue gradient, kind of like Stripe's.")

        // Intents: the design requests, none of the chatter, and every one marked as triggered
        // (the meeting ends by generating whatever is pending).
        let intents = try db.count("intents")
        #expect(intents >= 8)
        #expect(try db.count("intents", where: "triggered = 1") == intents, "every intent that generated is marked triggered")
        #expect(try db.count("intents", where: "json LIKE '%\"component\":\"button\"%' AND utterance_id IN "
                             + "(SELECT id FROM utterances WHERE text LIKE '%pill-shaped pay button%')") == 1)
        for chatter in ["broke last week", "revenue grew"] {
            #expect(try db.count("intents", where: "utterance_id IN (SELECT id FROM utterances WHERE text LIKE '%\(chatter)%')") == 0,
                    "“\(chatter)” is talk, not an intent")
        }

        // One spec per component version, and one stored version per component event printed.
        let versions = try db.rows("SELECT spec_id, component_id, name, kind, version, path, jsx FROM components "
                                   + "ORDER BY component_id, version")
        #expect(versions.count == run.count(of: "component"))
        #expect(try db.count("specs") == versions.count)
        #expect(try db.count("specs", where: "spec_id NOT IN (SELECT spec_id FROM components)") == 0)
        #expect(versions.filter { $0["name"] == "PayButton" }.map { $0["version"] } == ["1", "2"])
        #expect(versions.first?["kind"] == "button")
        let names = Set(versions.compactMap { $0["name"] })
        #expect(names.isSuperset(of: ["PayButton", "PricingTable", "LoginForm", "Navbar"]), "\(names)")
        #expect(names.contains { $0.hasSuffix("Alert") }, "the payment-failure toast: \(names)")
        for v in versions {
            #expect(v["spec_id"] == "\(v["component_id"] ?? "?").v\(v["version"] ?? "?")")
            #expect(v["path"] == run.out.path + "/src/components/\(v["name"] ?? "?").jsx")
        }

        // The watched folder: one file per component holding its newest version, an index that
        // exports them all, and a manifest that agrees with the database.
        let files = try run.files()
        #expect(Set(files.keys) == Set(names.map { $0 + ".jsx" } + ["index.js"]))
        // Rows are ordered by version, so the last one of each name is the newest.
        let newest = Dictionary(versions.map { ($0["name"] ?? "?", $0) }) { _, later in later }
        for (name, version) in newest {
            #expect(files[name + ".jsx"] == version["jsx"], "\(name).jsx is the newest stored version")
            #expect(files["index.js"]?.contains("export { default as \(name) } from './\(name).jsx';") == true)
        }
        let manifest = try run.manifest()
        let entries = try #require(manifest["components"] as? [[String: Any]])
        #expect(entries.count == names.count)
        let heard = Set(try db.column("SELECT id FROM utterances"))
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for entry in entries {
            let name = try #require(entry["name"] as? String)
            let stored = try #require(newest[name])
            #expect(entry["spec_id"] as? String == stored["spec_id"])
            #expect((entry["version"] as? Int).map(String.init) == stored["version"])
            #expect(entry["file"] as? String == "src/components/\(name).jsx")
            #expect((entry["timestamp"] as? String).flatMap { iso.date(from: $0) } != nil)
            let sources = try #require(entry["utterance_ids"] as? [String])
            #expect(!sources.isEmpty && Set(sources).isSubset(of: heard), "\(name) came from utterances of this meeting")
        }
        #expect(run.result.stderr.contains("\(names.count) component files written under \(run.out.path)/src/components "
                                           + "(session \(run.sessionID))"))

        // Export writes components and a Markdown transcript.
        let export = try Binary.run(["export", run.sessionID, "--to", dir.path + "/export", "--db", dir.path + "/mp.sqlite"])
        #expect(export.status == 0, "\(export.stderr)")
        let transcript = try String(contentsOfFile: dir.path + "/export/transcript.md", encoding: .utf8)
        #expect(transcript.contains("pill-shaped pay button"))
    }

    /// At-least-once delivery: the same utterance heard twice, at once or much later, changes nothing
    /// in the database, the folder or what is reported.
    @Test func aRedeliveredUtteranceChangesNothing() throws {
        let lines = [
            #"{"id": "a1", "text": "Let's build a pill-shaped pay button like Stripe's.", "ts_start": 1, "ts_end": 4, "speaker": "Ana"}"#,
            #"{"id": "a2", "text": "The button in the old app broke last week.", "ts_start": 6, "ts_end": 9, "speaker": "Ben"}"#,
            #"{"id": "a3", "text": "Make it bigger and give it a shadow.", "ts_start": 12, "ts_end": 15, "speaker": "Ana"}"#,
            #"{"id": "a4", "text": "Let's mock up a dark navbar like Linear's.", "ts_start": 22, "ts_end": 25, "speaker": "Cy"}"#,
        ]
        let onceDir = try tempDir(), twiceDir = try tempDir()
        try (lines.joined(separator: "\n") + "\n").write(to: onceDir.appendingPathComponent("m.jsonl"), atomically: true, encoding: .utf8)
        // Each line delivered twice in a row, then the whole meeting once more.
        let redelivered = lines.flatMap { [$0, $0] } + lines
        try (redelivered.joined(separator: "\n") + "\n").write(to: twiceDir.appendingPathComponent("m.jsonl"), atomically: true,
                                                                encoding: .utf8)
        let once = try run(transcript: onceDir.path + "/m.jsonl", in: onceDir)
        let twice = try run(transcript: twiceDir.path + "/m.jsonl", in: twiceDir)
        #expect(once.result.status == 0 && twice.result.status == 0, "\(once.result.stderr) \(twice.result.stderr)")

        for type in ["transcript", "intent", "spec", "component", "component_failed", "warning"] {
            #expect(once.count(of: type) == twice.count(of: type), "\(type) events")
        }
        #expect(once.count(of: "component") == 3)
        for table in ["sessions", "utterances", "intents", "specs", "components"] {
            #expect(try once.database.count(table) == twice.database.count(table), "\(table) rows")
        }
        let intents = "SELECT utterance_id, triggered FROM intents ORDER BY utterance_id"
        #expect(try once.database.rows(intents) == twice.database.rows(intents))
        #expect(try once.database.rows(intents).map { $0["utterance_id"] } == ["a1", "a3", "a4"])
        let utterances = "SELECT id, speaker, ts_start, ts_end, text, final FROM utterances ORDER BY id"
        #expect(try once.database.rows(utterances) == twice.database.rows(utterances))
        // Component and spec ids carry the session, which differs between the two runs.
        func sessionless(_ rows: [[String: String]], _ session: String) -> [[String: String]] {
            rows.map { $0.mapValues { $0.replacingOccurrences(of: session, with: "SESSION") } }
        }
        let components = "SELECT spec_id, component_id, name, kind, version, jsx FROM components ORDER BY spec_id"
        #expect(sessionless(try once.database.rows(components), once.sessionID)
                == sessionless(try twice.database.rows(components), twice.sessionID))
        #expect(try once.files() == twice.files())
        func stable(_ manifest: [String: Any], _ session: String) -> [[String: String]] {
            sessionless(((manifest["components"] as? [[String: Any]]) ?? []).map { entry in
                entry.filter { $0.key != "timestamp" }.mapValues { "\($0)" }
            }, session)
        }
        #expect(stable(try once.manifest(), once.sessionID) == stable(try twice.manifest(), twice.sessionID))
    }

    @Test func aBrokenCueIsReportedAndTheRestOfTheMeetingGoesThrough() throws {
        let dir = try tempDir()
        let vtt = """
        WEBVTT

        00:00:01.000 --> nonsense
        lost

        00:00:03.000 --> 00:00:06.000
        <v Ana>Let's build a rounded card with a soft shadow.</v>

        00:00:09.000 --> 00:00:10.000
        <v Ben>Great.</v>
        """
        try vtt.write(to: dir.appendingPathComponent("m.vtt"), atomically: true, encoding: .utf8)
        let result = try Binary.run(["run", "--transcript", dir.path + "/m.vtt", "--no-tui", "--out", dir.path + "/out",
                                     "--db", dir.path + "/mp.sqlite"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("m.vtt:3: malformed cue timing"))
        #expect(events(result.stdout).contains { $0["type"] as? String == "component" })
    }

    @Test func badInputIsOneLineAndNonZero() throws {
        let dir = try tempDir()
        let missing = try Binary.run(["run", "--transcript", dir.path + "/none.vtt", "--no-tui"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("none.vtt: no such file"))

        // An output folder that is a file, not a folder.
        try "x".write(to: dir.appendingPathComponent("file"), atomically: true, encoding: .utf8)
        let meeting = Repository.root.appendingPathComponent("scripts/demo/product-meeting.vtt").path
        let unwritable = try Binary.run(["run", "--transcript", meeting, "--no-tui", "--out", dir.path + "/file",
                                         "--db", dir.path + "/mp.sqlite"])
        #expect(unwritable.status != 0)
        #expect(unwritable.stderr == "mockpilot: \(dir.path)/file is a file, not a folder; choose another output folder\n",
                "\(unwritable.stderr)")
        // A folder under that file: the file in the way is named (the tests run as root, which
        // permission bits would not stop).
        let under = try Binary.run(["run", "--transcript", meeting, "--no-tui", "--out", dir.path + "/file/out",
                                    "--db", dir.path + "/mp.sqlite"])
        #expect(under.status != 0)
        #expect(under.stderr == "mockpilot: \(dir.path)/file is a file, not a folder; choose another output folder\n",
                "\(under.stderr)")

        let badConfig = dir.appendingPathComponent("bad.conf")
        try "[output]\nfolder = 3\n".write(to: badConfig, atomically: true, encoding: .utf8)
        let config = try Binary.run(["run", "--transcript", meeting, "--no-tui", "--config", badConfig.path])
        #expect(config.status != 0)
        #expect(config.stderr.contains("bad.conf:2: output.folder: expected a quoted string"))
    }
}
