import Foundation

/// A problem with the session database, worded so the user knows which file or session to fix.
public enum StoreError: Error, LocalizedError, Equatable {
    /// The file cannot be opened or created as a SQLite database.
    case cannotOpen(path: String, reason: String)
    /// The database was migrated by a newer MockPilot than this one.
    case newerDatabase(path: String)
    /// No session has this id.
    case unknownSession(id: String, path: String)
    /// A query failed.
    case database(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open the session database \(path): \(reason); pass another file with --db"
        case .newerDatabase(let path):
            "the session database \(path) was written by a newer MockPilot; upgrade MockPilot or pass another file with --db"
        case .unknownSession(let id, let path):
            "no session '\(id)' in \(path); run `mockpilot sessions` to list them"
        case .database(let path, let reason):
            "the session database \(path) failed: \(reason)"
        }
    }
}
