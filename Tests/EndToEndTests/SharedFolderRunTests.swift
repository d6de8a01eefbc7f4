import Foundation
import GRDB
import TestSupport
import Testing

/// Meetings that share the default folder and database: one after another, at once, and past
/// their retention. Every check reads the files and the database the real binary left.
@Suite struct SharedFolderRunTests {
    static let meeting = [
        #"{"id": "a1", "text": "Let's build a pill-shaped pay button like Stripe's.", "ts_start": 1, "ts_end": 4, "speaker": "Ana"}"#,
        #"{"id": "a2", "text": "The button in the old app broke last week.", "ts_start": 6, "ts_end": 9, "speaker": "Ben"}"#,
        #"{"id": "a3", "text": "Make it bigger and give it a shadow.", "ts_start": 12, "ts_end": 15, "speaker": "Ana"}"#,
        #"{"id": "a4", "text": "Let's mock up a dark navbar like Linear's.", "ts_start": 22, "ts_end": 25, "speaker": "Cy"}"#,
    ].joined(separator: "\n") + "\n"

    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-shared-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Self.meeting.write(to: dir.appendingPathComponent("m.jsonl"), atomically: true, encoding: .utf8)
        return dir
    }

    func run(in dir: URL) throws -> (result: Binary.Result, session: String) {
        let result = try Binary.run(["run", "--transcript", dir.path + "/m.jsonl", "--no-tui", "--out", dir.path + "/out",
                                     "--db", dir.path + "/mp.sqlite"])
        let statuses = result.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["status"] as? [String: Any]
        }
        let session = statuses.compactMap { $0["session_id"] as? String }.first ?? "none: \(result.stderr)"
        return (result, session)
    }

    /// `<name>.jsx` for every component file, with the name its code exports by default.
    func componentFiles(_ dir: URL) throws -> [String: String] {
        let folder = dir.appendingPathComponent("src/components")
        var exports: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".jsx") {
            let code = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let last = code.split(separator: "\n").last { $0.hasPrefix("export default ") }
            exports[name] = last.map { String($0.dropFirst("export default ".count).dropLast()) } ?? "?"
        }
        return exports
    }

    func manifestEntries(_ dir: URL) throws -> [[String: Any]] {
        let data = try Data(contentsOf: dir.appendingPathComponent("out/mockpilot.manifest.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(json["components"] as? [[String: Any]])
    }

    /// Each meeting's components: its own files, its own ids, in the manifest under its session,
    /// and each file named as the component its code exports.
    func expectBothMeetingsKept(_ dir: URL, sessions: [String], perMeeting: Int) throws {
        let db = try SQLiteFile(dir.path + "/mp.sqlite")
        #expect(Set(try db.column("SELECT id FROM sessions")) == Set(sessions))
        for session in sessions {
            #expect(try db.count("utterances", where: "session = '\(session)'") == 4)
            #expect(try db.count("components", where: "session = '\(session)'") == perMeeting)
            #expect(try db.count("components", where: "session = '\(session)' AND component_id NOT LIKE '\(session)-%'") == 0)
        }
        // Every stored version's file is the one the folder holds for it (newest versions).
        let newest = try db.rows("""
            SELECT c.path, c.jsx FROM components c WHERE c.version = (
                SELECT MAX(version) FROM components d WHERE d.session = c.session AND d.component_id = c.component_id)
            """)
        #expect(Set(newest.compactMap { $0["path"] }).count == newest.count, "no two components share a file")
        for row in newest {
            let path = try #require(row["path"])
            #expect(try String(contentsOfFile: path, encoding: .utf8) == row["jsx"], "\(path)")
        }
        let files = try componentFiles(dir.appendingPathComponent("out"))
        #expect(files.count == newest.count, "\(files)")
        for (file, exported) in files {
            #expect(file == exported + ".jsx", "\(file) exports \(exported)")
        }
        let index = try String(contentsOfFile: dir.path + "/out/src/components/index.js", encoding: .utf8)
        for file in files.keys {
            #expect(index.contains("from './\(file)';"), "index.js exports \(file)")
        }
        let entries = try manifestEntries(dir)
        #expect(entries.count == newest.count)
        for session in sessions {
            #expect(entries.filter { $0["session"] as? String == session }.count == newest.count / sessions.count)
        }
    }

    @Test func aSecondMeetingIntoTheSameFolderKeepsItsComponents() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try run(in: dir)
        let second = try run(in: dir)
        #expect(first.result.status == 0 && second.result.status == 0, "\(first.result.stderr) \(second.result.stderr)")
        #expect(first.session != second.session)
        try expectBothMeetingsKept(dir, sessions: [first.session, second.session], perMeeting: 3)

        // Export of the second meeting: each file holds that meeting's component under its own name.
        let export = try Binary.run(["export", second.session, "--to", dir.path + "/export", "--db", dir.path + "/mp.sqlite"])
        #expect(export.status == 0, "\(export.stderr)")
        let db = try SQLiteFile(dir.path + "/mp.sqlite")
        let latest = try db.rows("""
            SELECT name, jsx FROM components WHERE session = '\(second.session)' AND version = (
                SELECT MAX(version) FROM components d WHERE d.session = components.session
                AND d.component_id = components.component_id)
            """)
        let exported = try componentFiles(dir.appendingPathComponent("export"))
        #expect(exported.count == latest.count)
        for row in latest {
            let name = try #require(row["name"])
            #expect(exported[name + ".jsx"] == name)
            #expect(try String(contentsOfFile: dir.path + "/export/src/components/\(name).jsx", encoding: .utf8) == row["jsx"])
        }
    }

    @Test func twoMeetingsAtOnceOnOneDatabaseAndFolderKeepEverything() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            outcomes.add(Result { try run(in: dir) })
        }
        let runs = try outcomes.all.map { try $0.get() }
        #expect(runs.count == 2)
        for run in runs {
            #expect(run.result.status == 0, "\(run.result.stderr)")
            #expect(!run.result.stderr.contains("locked"), "\(run.result.stderr)")
        }
        try expectBothMeetingsKept(dir, sessions: runs.map(\.session), perMeeting: 3)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/out/src/components")
        #expect(!left.contains { $0.hasPrefix(".mockpilot-tmp-") }, "\(left)")
    }

    @Test func sessionsAndExportNeverShowAMeetingPastItsRetention() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = try run(in: dir)
        #expect(old.result.status == 0, "\(old.result.stderr)")
        // Eight days pass: every row of the meeting is dated back (GRDB stores UTC text).
        let queue = try DatabaseQueue(path: dir.path + "/mp.sqlite")
        try queue.write { db in
            try db.execute(sql: "UPDATE sessions SET started = datetime(started, '-8 days')")
            for (table, column) in [("utterances", "created"), ("intents", "created"), ("specs", "created"),
                                    ("components", "written_at")] {
                try db.execute(sql: "UPDATE \(table) SET \(column) = datetime(\(column), '-8 days')")
            }
        }
        try queue.close()

        let sessions = try Binary.run(["sessions", "--db", dir.path + "/mp.sqlite"])
        #expect(sessions.status == 0, "\(sessions.stderr)")
        #expect(!sessions.stdout.contains(old.session), "\(sessions.stdout)")
        let export = try Binary.run(["export", old.session, "--to", dir.path + "/export", "--db", dir.path + "/mp.sqlite"])
        #expect(export.status != 0)
        #expect(export.stderr.contains("no session '\(old.session)'"), "\(export.stderr)")
        let db = try SQLiteFile(dir.path + "/mp.sqlite")
        for table in ["sessions", "utterances", "intents", "specs", "components"] {
            #expect(try db.count(table) == 0, "\(table) still holds the expired meeting")
        }
    }

    @Test func transcriptLinesThatShareAnIDAreBothHeard() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = Self.meeting.replacingOccurrences(of: #""id": "a4""#, with: #""id": "a1""#)
        try lines.write(to: dir.appendingPathComponent("m.jsonl"), atomically: true, encoding: .utf8)
        let run = try run(in: dir)
        #expect(run.result.stderr.contains("m.jsonl:4: id 'a1' is also on line 1; both kept, this one as 'a1-line4'"),
                "\(run.result.stderr)")
        let db = try SQLiteFile(dir.path + "/mp.sqlite")
        #expect(try db.column("SELECT id FROM utterances ORDER BY ts_start") == ["a1", "a2", "a3", "a1-line4"])
        #expect(try db.count("components", where: "name LIKE '%Navbar%'") == 1, "the later line's navbar was generated")
    }
}

/// What concurrent runs returned, collected from their threads.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<(result: Binary.Result, session: String), any Error>] = []
    func add(_ result: Result<(result: Binary.Result, session: String), any Error>) { lock.withLock { results.append(result) } }
    var all: [Result<(result: Binary.Result, session: String), any Error>] { lock.withLock { results } }
}
