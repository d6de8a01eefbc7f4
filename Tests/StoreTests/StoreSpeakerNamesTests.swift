import Core
import Foundation
import GRDB
import Testing
@testable import Store

/// Names given to speakers during a meeting: kept per session, shown by exports and listings,
/// purged with the transcript, and added to databases an older MockPilot wrote.
@Suite struct StoreSpeakerNamesTests {
    @Test func aNameIsShownForEveryLineOfItsLabelAndTheLatestWins() async throws {
        let db = TempDatabase()
        defer { db.remove() }
        let store = try Store(path: db.path)
        let id = try await store.startSession(source: "call.vtt", title: nil)
        let other = try await store.startSession(source: "other.vtt", title: nil)
        try await store.record(utterance: utterance("u1", "Hello", at: 1, speaker: "Speaker 1"), session: id)
        try await store.record(utterance: utterance("u2", "Hi", at: 2, speaker: "Call"), session: id)
        try await store.record(utterance: utterance("u3", "A pay button", at: 3, speaker: "Speaker 1"), session: id)
        try await store.record(utterance: utterance("u1", "Elsewhere", at: 1, speaker: "Speaker 1"), session: other)

        try await store.name(speaker: "Speaker 1", as: "Ana", session: id)
        try await store.name(speaker: "Speaker 1", as: "Ana Lima", session: id)
        #expect(try await store.speakerNames(session: id) == ["Speaker 1": "Ana Lima"])
        #expect(try await store.utterances(session: id).map { $0.msg.speaker } == ["Ana Lima", "Call", "Ana Lima"])
        // Another session's "Speaker 1" is somebody else.
        #expect(try await store.utterances(session: other).map { $0.msg.speaker } == ["Speaker 1"])
        let sessions = try await store.sessions()
        #expect(sessions.first { $0.id == id }?.speakers == ["Ana Lima", "Call"])
        #expect(sessions.first { $0.id == other }?.speakers == ["Speaker 1"])

        // Named back to the label: the name is forgotten.
        try await store.name(speaker: "Speaker 1", as: "Speaker 1", session: id)
        #expect(try await store.speakerNames(session: id).isEmpty)
        await #expect(throws: StoreError.unknownSession(id: "nope", path: db.path)) {
            try await store.name(speaker: "Speaker 1", as: "Ana", session: "nope")
        }
    }

    @Test func namesArePurgedWithTheTranscript() async throws {
        let db = TempDatabase()
        defer { db.remove() }
        let clock = ManualDate(Date(timeIntervalSince1970: 1_795_000_000))
        let store = try Store(path: db.path, now: clock.now)
        let id = try await store.startSession(source: "call.vtt", title: nil)
        try await store.record(utterance: utterance("u1", "Hello", at: 1, speaker: "Speaker 1"), session: id)
        try await store.name(speaker: "Speaker 1", as: "Ana", session: id)
        clock.advance(days: 8)
        try await store.purgeExpired()
        #expect(try await store.sessions().isEmpty)
        let left: Int? = try scalar(db.path, "SELECT COUNT(*) FROM speakers")
        #expect(left == 0)
    }

    /// A file as the release before speaker names left it (migrations up to v3), with a meeting in it.
    @Test func aDatabaseFromThePreviousSchemaKeepsItsSessionsAndTakesNames() async throws {
        let db = TempDatabase()
        defer { db.remove() }
        try FileManager.default.createDirectory(atPath: db.folder + "/db", withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: db.path)
        try Store.migrator.migrate(queue, upTo: "v3: index specs and components by age")
        let started = Date(timeIntervalSince1970: 1_795_000_000)
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO sessions (id, started, source, title) VALUES ('2026-11-30-0900-abcd', ?, 'call.vtt', 'Standup')",
                           arguments: [started])
            for (id, speaker, text, ts) in [("u1", "Maya", "Morning.", 1.0), ("u2", "Dev", "Let's build a pay button.", 4.0)] {
                try db.execute(sql: """
                    INSERT INTO utterances (session, id, speaker, ts_start, ts_end, text, final, created)
                    VALUES ('2026-11-30-0900-abcd', ?, ?, ?, ?, ?, 1, ?)
                    """, arguments: [id, speaker, ts, ts + 2, text, started])
            }
        }
        try queue.close()
        #expect(try !tableExists(db.path, "speakers"))

        let store = try Store(path: db.path, now: { started })
        #expect(try tableExists(db.path, "speakers"))
        let sessions = try await store.sessions()
        #expect(sessions.map(\.id) == ["2026-11-30-0900-abcd"])
        #expect(sessions.first?.title == "Standup")
        #expect(sessions.first?.utteranceCount == 2)
        #expect(sessions.first?.speakers == ["Maya", "Dev"])
        #expect(try await store.utterances(session: "2026-11-30-0900-abcd").map(\.msg.text) == ["Morning.", "Let's build a pay button."])
        try await store.name(speaker: "Dev", as: "Devon", session: "2026-11-30-0900-abcd")
        #expect(try await store.sessions().first?.speakers == ["Maya", "Devon"])
    }

    private func tableExists(_ path: String, _ table: String) throws -> Bool {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try $0.tableExists(table) }
    }
}
