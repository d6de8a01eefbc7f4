import Foundation
import Hummingbird
import Store

/// `GET /sessions` and `GET /sessions/{id}/export`: the meetings the session database remembers,
/// as `mockpilot sessions` lists them, and one of them as the folder `mockpilot export` writes,
/// sent as a tar. Both read the database through the commands' own `Store` methods, so what
/// expired (`store.retention_days`) is purged first and never served.
extension MockPilotServer {
    /// Session ids are `2026-11-25-1432-ab12`; anything else is no session, and never reaches a
    /// file name or a header.
    static func isSessionID(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 100
            && text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
            && text != "." && text != ".."
    }

    /// `{"sessions": [...]}`, newest first; an empty list when no meeting has been recorded yet.
    func sessions() async throws -> Response {
        let summaries = try await openSessionStore()?.sessions() ?? []
        let started = Date.ISO8601FormatStyle()
        let list: [[String: Any]] = summaries.map { summary in
            ["id": summary.id, "started": summary.started.formatted(started), "source": summary.source,
             "title": summary.title.map { $0 as Any } ?? NSNull(), "utterances": summary.utteranceCount, "components": summary.componentCount,
             "versions": summary.versionCount, "speakers": summary.speakers]
        }
        let data = try JSONSerialization.data(withJSONObject: ["sessions": list], options: [.sortedKeys])
        return Self.json(String(decoding: data, as: UTF8.self))
    }

    /// The export folder of session `id` as `application/x-tar`, every path under `id/`.
    func export(_ context: some RequestContext) async throws -> Response {
        let id = context.parameters.get("id") ?? ""
        guard Self.isSessionID(id), let store = try await openSessionStore() else { throw Self.noSession(id) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mockpilot-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive: Data
        do {
            _ = try await store.export(session: id, to: folder.path)
            archive = try TarArchive.archive(folder: folder, root: id)
        } catch StoreError.unknownSession {
            throw Self.noSession(id)
        }
        return Response(status: .ok,
                        headers: [.contentType: "application/x-tar", .contentDisposition: "attachment; filename=\"\(id).tar\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: archive)))
    }

    private static func noSession(_ id: String) -> APIError {
        .notFound("no session '\(id.prefix(100))' in the session database; GET /sessions lists them")
    }

    /// The session database, expired meetings purged; nil when none has been made yet.
    private func openSessionStore() async throws -> Store? {
        try await Store.existing(at: stages.sessionDatabase, retention: Double(stages.retentionDays) * 86_400)
    }
}
