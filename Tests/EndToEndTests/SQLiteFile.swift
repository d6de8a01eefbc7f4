import Foundation
import GRDB

/// The session database a `mockpilot` process wrote, read with plain SQL through a connection of
/// its own: tests check what is in the file, not what the program says about it.
struct SQLiteFile {
    private let queue: DatabaseQueue

    init(_ path: String) throws {
        queue = try DatabaseQueue(path: path)
    }

    func count(_ table: String, where condition: String = "1") throws -> Int {
        try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table) WHERE \(condition)") ?? -1 }
    }

    /// Every row of a query, each column as text ("NULL" for null), for readable expectations.
    func rows(_ sql: String) throws -> [[String: String]] {
        try queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                var columns: [String: String] = [:]
                for (name, value) in row { columns[name] = Self.text(value) }
                return columns
            }
        }
    }

    /// The first column of every row, as text.
    func column(_ sql: String) throws -> [String] {
        try queue.read { db in try Row.fetchAll(db, sql: sql).map { Self.text($0[0]) } }
    }

    private static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case .int64(let n): String(n)
        case .double(let d): String(d)
        case .string(let s): s
        case .blob(let data): data.base64EncodedString()
        }
    }
}
