import Core
import Foundation
import GRDB
import Testing
@testable import Store

@Test func aFreshFileGetsEveryMigrationInWALMode() async throws {
    let db = TempDatabase()
    defer { db.remove() }
    _ = try Store(path: db.path)
    let applied = try migrations(db.path)
    #expect(applied == ["v1: sessions, utterances, intents, specs, components", "v2: index transcript rows by age",
                        "v3: index specs and components by age", "v4: speaker names"])
    let mode: String? = try scalar(db.path, "PRAGMA journal_mode")
    #expect(mode == "wal")
    #expect(try indexExists(db.path, "utterances_created"))
    #expect(try indexExists(db.path, "components_written_at"))
}

@Test func anOlderFileIsMigratedAndKeepsItsData() async throws {
    let db = TempDatabase()
    defer { db.remove() }
    try FileManager.default.createDirectory(atPath: db.folder + "/db", withIntermediateDirectories: true)
    // A database as the first release left it: only v1, with a session in it.
    try makeV1Database(db.path)
    #expect(try !indexExists(db.path, "utterances_created"))

    let store = try Store(path: db.path)
    #expect(try await store.sessions().map(\.id) == ["2026-01-02-0304-abcd"])
    #expect(try indexExists(db.path, "utterances_created"))
    #expect(try migrations(db.path).count == 4)
    // Opening again applies nothing twice.
    _ = try Store(path: db.path)
}

@Test func aDatabaseFromANewerMockPilotIsRefused() throws {
    let db = TempDatabase()
    defer { db.remove() }
    _ = try Store(path: db.path)
    try execute(db.path, "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
    #expect(throws: StoreError.newerDatabase(path: db.path)) { try Store(path: db.path) }
}

@Test func aFileThatIsNotADatabaseIsReported() throws {
    let db = TempDatabase()
    defer { db.remove() }
    try FileManager.default.createDirectory(atPath: db.folder + "/db", withIntermediateDirectories: true)
    try String(repeating: "not sqlite ", count: 200).write(toFile: db.path, atomically: true, encoding: .utf8)
    do {
        _ = try Store(path: db.path)
        Issue.record("a text file opened as a database")
    } catch let error as StoreError {
        guard case .cannotOpen(let path, _) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(path == db.path)
        #expect(!error.localizedDescription.contains("\n"))
    }
}

@Test func theDefaultPathFollowsXDG() {
    #expect(Store.defaultPath(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/mockpilot/mockpilot.sqlite")
    #expect(Store.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/mockpilot/mockpilot.sqlite")
}

private func migrations(_ path: String) throws -> [String] {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    return try queue.read { try Store.migrator.completedMigrations($0) }
}

private func execute(_ path: String, _ sql: String) throws {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    try queue.write { try $0.execute(sql: sql) }
}

private func makeV1Database(_ path: String) throws {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    try Store.migrator.migrate(queue, upTo: "v1: sessions, utterances, intents, specs, components")
    try queue.write { db in
        try db.execute(sql: """
            INSERT INTO sessions (id, started, source, title) VALUES ('2026-01-02-0304-abcd', ?, 'x.vtt', NULL)
            """, arguments: [Date(timeIntervalSince1970: 1_767_000_000)])
    }
}
