import GRDB

extension Store {
    /// Append-only: a released migration is never edited or renamed, only followed by new ones,
    /// so any database file MockPilot ever wrote can be brought up to date.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("v1: sessions, utterances, intents, specs, components") { db in
            try db.create(table: "sessions") { t in
                t.primaryKey("id", .text)
                t.column("started", .datetime).notNull()
                t.column("source", .text).notNull()
                t.column("title", .text)
            }
            // Rows of a session go with it; the composite keys make redelivered messages no-ops.
            try db.create(table: "utterances") { t in
                t.column("session", .text).notNull().references("sessions", onDelete: .cascade)
                t.column("id", .text).notNull()
                t.column("speaker", .text)
                t.column("ts_start", .double).notNull()
                t.column("ts_end", .double).notNull()
                t.column("text", .text).notNull()
                t.column("final", .boolean).notNull()
                t.column("created", .datetime).notNull()
                t.primaryKey(["session", "id"])
            }
            try db.create(table: "intents") { t in
                t.column("session", .text).notNull().references("sessions", onDelete: .cascade)
                t.column("utterance_id", .text).notNull()
                t.column("json", .text).notNull()
                t.column("triggered", .boolean).notNull()
                t.column("created", .datetime).notNull()
                t.primaryKey(["session", "utterance_id"])
            }
            try db.create(table: "specs") { t in
                t.column("session", .text).notNull().references("sessions", onDelete: .cascade)
                t.column("spec_id", .text).notNull()
                t.column("component_id", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("json", .text).notNull()
                t.column("created", .datetime).notNull()
                t.primaryKey(["session", "spec_id"])
            }
            try db.create(table: "components") { t in
                t.column("session", .text).notNull().references("sessions", onDelete: .cascade)
                t.column("spec_id", .text).notNull()
                t.column("component_id", .text).notNull()
                t.column("name", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("path", .text).notNull()
                t.column("jsx", .text).notNull()
                t.column("written_at", .datetime).notNull()
                t.column("latency", .double).notNull()
                t.primaryKey(["session", "spec_id"])
            }
        }

        // Purge runs hourly and filters by age; without these it scans every transcript row.
        migrator.registerMigration("v2: index transcript rows by age") { db in
            try db.create(index: "utterances_created", on: "utterances", columns: ["created"])
            try db.create(index: "intents_created", on: "intents", columns: ["created"])
        }

        // Purge deletes specs and component versions by age too (they hold labels from speech
        // and the code built from them).
        migrator.registerMigration("v3: index specs and components by age") { db in
            try db.create(index: "specs_created", on: "specs", columns: ["created"])
            try db.create(index: "components_written_at", on: "components", columns: ["written_at"])
        }

        // Names given to speakers on the screen ("Speaker 1" is Ana), per session. Utterances keep
        // the label they were heard with; exports and listings show the name.
        migrator.registerMigration("v4: speaker names") { db in
            try db.create(table: "speakers") { t in
                t.column("session", .text).notNull().references("sessions", onDelete: .cascade)
                t.column("label", .text).notNull()
                t.column("name", .text).notNull()
                t.column("named", .datetime).notNull().indexed()
                t.primaryKey(["session", "label"])
            }
        }

        return migrator
    }
}
