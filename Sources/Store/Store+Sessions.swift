import Foundation
import Output

/// What `mockpilot sessions` and `mockpilot export` do with the database, shared with `serve`'s
/// `/sessions` routes so a browser sees exactly what the commands print.
extension Store {
    /// The database at `path` with every meeting past `retention` (seconds) purged, so nothing
    /// expired is listed or exported even when no meeting has run since; nil when there is no
    /// database there yet (listing must not create one as a side effect).
    public static func existing(at path: String, retention: TimeInterval) async throws -> Store? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let store = try Store(path: path)
        try await store.purgeExpired(retention: retention)
        return store
    }

    /// What one export wrote, for the line `mockpilot export` prints.
    public struct ExportCount: Sendable, Hashable {
        /// Distinct components (each in its latest version under `src/components`).
        public var components: Int
        public var versions: Int
        public var utterances: Int
    }

    /// Writes `session` into `directory` as `SessionExport` lays it out: the one export that
    /// `mockpilot export` and `serve`'s `/sessions/{id}/export` share. Throws `unknownSession`
    /// for an id this database does not hold.
    public func export(session: String, to directory: String) throws -> ExportCount {
        let components = try components(session: session)
        let utterances = try utterances(session: session)
        try SessionExport.write(components: components, utterances: utterances, to: directory, session: session)
        return ExportCount(components: Set(components.map(\.componentID)).count, versions: components.count,
                           utterances: utterances.count)
    }
}
