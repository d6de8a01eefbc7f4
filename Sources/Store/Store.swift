import Core
import Foundation
import GRDB

/// The session database: every meeting's transcript, intents, specs and component versions, in
/// one SQLite file (WAL mode, so the TUI and `mockpilot sessions` can read while a meeting writes).
/// Every `record` is idempotent by its natural key, so a redelivered message changes nothing.
public actor Store {
    /// How long a meeting and everything derived from it are kept.
    public static let transcriptRetention: TimeInterval = 7 * 24 * 3600

    /// `$XDG_DATA_HOME/mockpilot/mockpilot.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        Paths.dataHome(environment: environment) + "/mockpilot.sqlite"
    }

    /// How long a write waits for another process's transaction on the same file.
    static let busyTimeout: TimeInterval = 5

    public nonisolated let path: String
    /// The process's one pool on this file; the post store shares it (same file, other tables).
    public nonisolated let pool: DatabasePool
    private let now: @Sendable () -> Date

    /// Opens (creating when needed) the database at `path` and brings its schema up to date.
    /// `now` is injected so tests can age rows without waiting.
    public init(path: String, now: @escaping @Sendable () -> Date = Date.init) throws {
        self.path = path
        self.now = now
        do {
            try Paths.createFolder(holding: path)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "cannot create \(URL(fileURLWithPath: path).deletingLastPathComponent().path)")
        }
        var configuration = Configuration()
        // Two meetings (two processes) may write to one file at once: a writer waits for the
        // other's transaction instead of failing with "database is locked". WAL is GRDB's
        // default for a DatabasePool, so readers never wait.
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.prepareDatabase { db in
            // Deleted transcript text is overwritten, not left in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        do {
            pool = try Self.openPool(path: path, configuration: configuration)
            let migrator = Self.migrator
            if try pool.read({ try Self.hasNewerMigrations($0) }) {
                throw StoreError.newerDatabase(path: path)
            }
            try Self.migrate(pool, with: migrator)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// The first opener of a new file switches it to WAL, which needs the file to itself, and
    /// SQLite reports a second opener at that moment as busy at once, without the busy timeout.
    /// So opening is tried again, for as long as the busy timeout would have waited.
    static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }

    /// GRDB reads which migrations were applied before it takes the write lock, so a process
    /// opening a new file at the same moment as another can try to create a table the other
    /// just made. Reading again after that failure finds the migration applied; each failure
    /// means another process applied one more, so there are at most as many as migrations.
    static func migrate(_ pool: DatabasePool, with migrator: DatabaseMigrator) throws {
        var attempt = 1
        while true {
            do {
                return try migrator.migrate(pool)
            } catch is DatabaseError where attempt <= migrator.migrations.count {
                attempt += 1
            }
        }
    }

    /// Whether a newer MockPilot migrated this file. Other stages keep their own migrations in the
    /// same file (the insights' "insights-v1"), so only this store's "vN: ..." names count.
    static func hasNewerMigrations(_ db: Database) throws -> Bool {
        guard try db.tableExists("grdb_migrations") else { return false }
        let known = Set(migrator.migrations)
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        return applied.contains { id in
            id.first == "v" && id.dropFirst().prefix { $0.isNumber }.isEmpty == false && !known.contains(id)
        }
    }

    /// Starts a session and returns its id, "2026-11-25-1432-ab12" (local start time + random).
    public func startSession(source: String, title: String?) throws -> String {
        let started = now()
        return try write { db in
            while true {
                let id = SessionID.make(started: started)
                guard try !Self.sessionExists(id, db) else { continue }
                try db.execute(sql: "INSERT INTO sessions (id, started, source, title) VALUES (?, ?, ?, ?)",
                               arguments: [id, started, source, title])
                return id
            }
        }
    }

    /// A final utterance is kept as first recorded; a partial one is replaced by a later
    /// delivery of the same id (the rest of the sentence, or its final form).
    public func record(utterance: Utterance, session: String) throws {
        let created = now()
        try write { db in
            try self.requireSession(session, db)
            try db.execute(sql: """
                INSERT INTO utterances (session, id, speaker, ts_start, ts_end, text, final, created)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (session, id) DO UPDATE SET
                    speaker = excluded.speaker, ts_start = excluded.ts_start, ts_end = excluded.ts_end,
                    text = excluded.text, final = excluded.final
                WHERE utterances.final = 0
                """, arguments: [session, utterance.id, utterance.msg.speaker, utterance.msg.tsStart,
                                 utterance.msg.tsEnd, utterance.msg.text, utterance.isFinal, created])
        }
    }

    /// Names the speaker of the session's lines labelled `label`; the latest name wins. Naming a
    /// speaker back to their label forgets the name.
    public func name(speaker label: String, as name: String, session: String) throws {
        let named = now()
        try write { db in
            try self.requireSession(session, db)
            if name == label {
                try db.execute(sql: "DELETE FROM speakers WHERE session = ? AND label = ?", arguments: [session, label])
                return
            }
            try db.execute(sql: """
                INSERT INTO speakers (session, label, name, named) VALUES (?, ?, ?, ?)
                ON CONFLICT (session, label) DO UPDATE SET name = excluded.name, named = excluded.named
                """, arguments: [session, label, name, named])
        }
    }

    /// An intent is recorded when it is found and again when it triggers generation, and either
    /// may be redelivered: the first recording is kept, and once triggered it stays triggered.
    public func record(intent: IntentMsg, triggered: Bool, session: String) throws {
        let json = try encode(intent)
        let created = now()
        try write { db in
            try self.requireSession(session, db)
            try db.execute(sql: """
                INSERT INTO intents (session, utterance_id, json, triggered, created) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (session, utterance_id) DO UPDATE SET
                    triggered = MAX(intents.triggered, excluded.triggered)
                """, arguments: [session, intent.utteranceID, json, triggered, created])
        }
    }

    public func record(spec: DesignSpec, componentID: String, session: String) throws {
        let json = try encode(spec)
        let created = now()
        try write { db in
            try self.requireSession(session, db)
            try db.execute(sql: """
                INSERT OR IGNORE INTO specs (session, spec_id, component_id, version, json, created)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [session, spec.specID, componentID, spec.version, json, created])
        }
    }

    /// Records one written component version; `component.event.ts` is when it was written.
    public func saveVersion(of component: ComponentWritten, session: String) throws {
        try write { db in
            try self.requireSession(session, db)
            try db.execute(sql: """
                INSERT OR IGNORE INTO components
                    (session, spec_id, component_id, name, kind, version, path, jsx, written_at, latency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [session, component.event.specID, component.componentID, component.name,
                                 component.kind.rawValue, component.version, component.path, component.event.jsx,
                                 Date(timeIntervalSince1970: component.event.ts), component.latency])
        }
    }

    /// Deletes everything a meeting left that is older than `date`: utterances, intents, specs
    /// (whose labels come from speech) and component versions recorded before it, and then the
    /// sessions that started before it and hold nothing any more. Returns how many rows went. Every command that
    /// reads sessions calls it first (with now minus the retention), and a meeting at its start
    /// and hourly. Deleted text is zeroed (secure_delete) and the WAL truncated, so it does not
    /// linger in the file either.
    @discardableResult
    public func purge(olderThan date: Date) throws -> Int {
        let deleted = try write { db -> Int in
            var count = 0
            for sql in [
                "DELETE FROM utterances WHERE created < ?",
                "DELETE FROM intents WHERE created < ?",
                "DELETE FROM specs WHERE created < ?",
                "DELETE FROM components WHERE written_at < ?",
                // Names of people, kept no longer than what they said.
                "DELETE FROM speakers WHERE named < ?",
                // A session whose rows are all gone; one still recording (a meeting running
                // past the cutoff) keeps its row.
                """
                DELETE FROM sessions WHERE started < ?
                    AND NOT EXISTS (SELECT 1 FROM utterances WHERE session = sessions.id)
                    AND NOT EXISTS (SELECT 1 FROM intents WHERE session = sessions.id)
                    AND NOT EXISTS (SELECT 1 FROM specs WHERE session = sessions.id)
                    AND NOT EXISTS (SELECT 1 FROM components WHERE session = sessions.id)
                    AND NOT EXISTS (SELECT 1 FROM speakers WHERE session = sessions.id)
                """,
            ] {
                try db.execute(sql: sql, arguments: [date])
                count += db.changesCount
            }
            return count
        }
        if deleted > 0 {
            do {
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                }
            } catch {
                throw StoreError.database(path: path, reason: "\(error)")
            }
        }
        return deleted
    }

    /// `purge(olderThan:)` with `retention` (7 days unless the settings say otherwise),
    /// measured from the injected clock.
    @discardableResult
    public func purgeExpired(retention: TimeInterval = Store.transcriptRetention) throws -> Int {
        try purge(olderThan: now() - retention)
    }

    // MARK: - Helpers shared with Store+Queries

    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        try reportingFailures { try pool.write(body) }
    }

    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        try reportingFailures { try pool.read(body) }
    }

    /// Runs one access to the database; a GRDB or other failure becomes `StoreError.database`, naming the file.
    private func reportingFailures<T>(_ access: () throws -> T) throws -> T {
        do {
            return try access()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch {
            throw StoreError.database(path: path, reason: "\(error)")
        }
    }

    static func sessionExists(_ id: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sessions WHERE id = ?)", arguments: [id]) ?? false
    }

    nonisolated func requireSession(_ id: String, _ db: Database) throws {
        if try !Self.sessionExists(id, db) { throw StoreError.unknownSession(id: id, path: path) }
    }

    private func encode<T: Encodable>(_ value: T) throws -> String {
        do {
            return try JSONLines.encode(value)
        } catch {
            throw StoreError.database(path: path, reason: "cannot encode \(T.self): \(error)")
        }
    }
}
