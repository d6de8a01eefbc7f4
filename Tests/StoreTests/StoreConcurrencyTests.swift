import Core
import Foundation
import Testing
@testable import Store

/// Two meetings at once on one database file (two `run`s are two processes, each with its own
/// connection pool): a writer waits for the other's transaction instead of failing with
/// "database is locked", so both keep every row.
@Test func twoStoresOnOneFileBothKeepEverything() async throws {
    let db = TempDatabase()
    defer { db.remove() }
    let first = try Store(path: db.path)
    let second = try Store(path: db.path)
    let lines = 300
    let sessions = try await withThrowingTaskGroup(of: String.self) { group in
        for store in [first, second] {
            group.addTask {
                let session = try await store.startSession(source: "m.txt", title: nil)
                for i in 1...lines {
                    try await store.record(utterance: utterance("u\(i)", "line \(i)", at: Double(i)), session: session)
                    try await store.saveVersion(of: written("\(session)-c\(i)", version: 1), session: session)
                }
                return session
            }
        }
        var ids: [String] = []
        for try await id in group { ids.append(id) }
        return ids
    }
    #expect(sessions.count == 2)
    for session in sessions {
        #expect(try await first.utterances(session: session).count == lines)
        #expect(try await second.components(session: session).count == lines)
    }
}

/// Meetings starting at the same moment on a new database file: each creates the schema, and
/// none fails because another just created it.
@Test func storesOpenedAtOnceOnANewFileAllOpen() throws {
    for _ in 1...10 {
        let db = TempDatabase()
        defer { db.remove() }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                _ = try Store(path: db.path)
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
    }
}

/// Errors collected from concurrent threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ failure: String) { lock.withLock { list.append(failure) } }
    var all: [String] { lock.withLock { list } }
}
