import Core
import Foundation
import GRDB
import Output

extension Store {
    /// Every session, newest first, with what it holds.
    public func sessions() throws -> [SessionSummary] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.id, s.started, s.source, s.title,
                    (SELECT COUNT(*) FROM utterances u WHERE u.session = s.id) AS utterances,
                    (SELECT COUNT(DISTINCT c.component_id) FROM components c WHERE c.session = s.id) AS components,
                    (SELECT COUNT(*) FROM components c WHERE c.session = s.id) AS versions
                FROM sessions s ORDER BY s.started DESC, s.id DESC
                """)
            // Who spoke in each session, under their names, in the order they first spoke.
            let speakerRows = try Row.fetchAll(db, sql: """
                SELECT u.session, COALESCE(n.name, u.speaker) AS shown, MIN(u.ts_start) AS first FROM utterances u
                LEFT JOIN speakers n ON n.session = u.session AND n.label = u.speaker
                WHERE u.speaker IS NOT NULL GROUP BY u.session, u.speaker ORDER BY u.session, first, shown
                """)
            var speakers: [String: [String]] = [:]
            var seen: Set<[String]> = []
            for row in speakerRows {
                let session: String = row["session"], shown: String = row["shown"]
                // Two labels given one name are one speaker.
                if seen.insert([session, shown]).inserted { speakers[session, default: []].append(shown) }
            }
            return rows.map { row in
                SessionSummary(id: row["id"], started: row["started"], source: row["source"], title: row["title"],
                               utteranceCount: row["utterances"], componentCount: row["components"],
                               versionCount: row["versions"], speakers: speakers[row["id"]] ?? [])
            }
        }
    }

    /// Every component version of a session in the order they were written, with the utterance
    /// ids its spec came from.
    public func components(session: String) throws -> [StoredComponent] {
        try read { db in
            try self.requireSession(session, db)
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.*, s.json AS spec_json FROM components c
                LEFT JOIN specs s ON s.session = c.session AND s.spec_id = c.spec_id
                WHERE c.session = ? ORDER BY c.written_at, c.component_id, c.version
                """, arguments: [session])
            return rows.map { row in
                let specJSON: String? = row["spec_json"]
                let spec = specJSON.flatMap { try? JSONDecoder().decode(DesignSpec.self, from: Data($0.utf8)) }
                let kindName: String = row["kind"]
                return StoredComponent(specID: row["spec_id"], componentID: row["component_id"], name: row["name"],
                                       kind: ComponentKind(rawValue: kindName) ?? spec?.component ?? .card,
                                       version: row["version"], path: row["path"], jsx: row["jsx"],
                                       writtenAt: row["written_at"], latency: row["latency"],
                                       utteranceIDs: spec?.utteranceIDs ?? [])
            }
        }
    }

    /// The session's utterances still kept, in meeting order, each speaker under the name the
    /// meeting last gave them (their label when they were never renamed).
    public func utterances(session: String) throws -> [Utterance] {
        try read { db in
            try self.requireSession(session, db)
            let rows = try Row.fetchAll(db, sql: """
                SELECT u.*, COALESCE(n.name, u.speaker) AS shown FROM utterances u
                LEFT JOIN speakers n ON n.session = u.session AND n.label = u.speaker
                WHERE u.session = ? ORDER BY u.ts_start, u.id
                """, arguments: [session])
            return rows.map { row in
                Utterance(id: row["id"],
                          msg: TranscriptMsg(text: row["text"], tsStart: row["ts_start"], tsEnd: row["ts_end"],
                                             speaker: row["shown"], id: row["id"]),
                          isFinal: row["final"])
            }
        }
    }

    /// The names given to the session's speakers, by the label their lines carry.
    public func speakerNames(session: String) throws -> [String: String] {
        try read { db in
            try self.requireSession(session, db)
            let rows = try Row.fetchAll(db, sql: "SELECT label, name FROM speakers WHERE session = ?", arguments: [session])
            var names: [String: String] = [:]
            for row in rows { names[row["label"]] = row["name"] }
            return names
        }
    }
}
