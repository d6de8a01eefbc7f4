import Core
import Foundation
import Store
import Testing
import TestSupport
@testable import Server

/// `/sessions` and `/sessions/{id}/export` over real HTTP, on a real session database: the list
/// `mockpilot sessions` prints, and a tar that real `tar` unpacks into exactly the folder
/// `mockpilot export` writes.
struct SessionRoutesTests {
    /// A fresh folder holding the session database (made by the Store when a test records into it).
    struct Folder {
        let path = NSTemporaryDirectory() + "mockpilot-sessions-\(UUID().uuidString.prefix(8))"
        var database: String { path + "/mockpilot.sqlite" }
        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    /// One meeting: a line and two versions of the pay button it asked for.
    static func recordMeeting(into database: String) async throws -> String {
        let store = try Store(path: database)
        let session = try await store.startSession(source: "demo.wav", title: "Checkout")
        try await store.record(utterance: Utterance(id: "u1", msg: TranscriptMsg(text: "a pill-shaped pay button", tsStart: 1, tsEnd: 3,
                                                                                  speaker: "Ann")), session: session)
        for version in 1...2 {
            let jsx = "export default function PayButton() { return <button className=\"rounded-full\">Pay v\(version)</button>; }\n"
            // Written now: a version older than the retention would be purged before it is listed.
            try await store.saveVersion(of: ComponentWritten(event: ComponentEvt(specID: "c1.v\(version)", jsx: jsx,
                                                                                 ts: Date().timeIntervalSince1970),
                                                             componentID: "c1", name: "PayButton", kind: .button, version: version,
                                                             path: "/out/src/components/PayButton.jsx", latency: 2),
                                        session: session)
        }
        return session
    }

    static func stages(sessionDatabase: String) throws -> ServerStages {
        var stages = try RunningServer.stages()
        stages.sessionDatabase = sessionDatabase
        return stages
    }

    /// Every file under `folder` by its relative path, with its bytes.
    static func files(under folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: folder)
        while let relative = walker?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder + "/" + relative) {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
                    files[relative] = data
                }
            }
        }
        return files
    }

    @Test func theListIsTheRecordedMeetingsAndNeedsAToken() async throws {
        let folder = Folder()
        defer { folder.remove() }
        let session = try await Self.recordMeeting(into: folder.database)
        try await RunningServer.with(stages: try Self.stages(sessionDatabase: folder.database)) { server in
            let reply = try await server.authorised("GET", "/sessions")
            #expect(reply.status == 200)
            let sessions = try #require(reply.object["sessions"] as? [[String: Any]])
            #expect(sessions.count == 1)
            let first = try #require(sessions.first)
            #expect(first["id"] as? String == session)
            #expect(first["source"] as? String == "demo.wav")
            #expect(first["title"] as? String == "Checkout")
            #expect(first["utterances"] as? Int == 1)
            #expect(first["components"] as? Int == 1)
            #expect(first["versions"] as? Int == 2)
            #expect(first["speakers"] as? [String] == ["Ann"])

            #expect(try await server.send("GET", "/sessions", token: nil).status == 401)
            #expect(try await server.send("GET", "/sessions/\(session)/export", token: nil).status == 401)
        }
    }

    @Test func theExportIsATarOfTheFolderExportWrites() async throws {
        let folder = Folder()
        defer { folder.remove() }
        let session = try await Self.recordMeeting(into: folder.database)
        // What `mockpilot export` writes, through the same Store method.
        let expected = folder.path + "/by-command"
        _ = try await Store(path: folder.database).export(session: session, to: expected)

        try await RunningServer.with(stages: try Self.stages(sessionDatabase: folder.database)) { server in
            let reply = try await server.authorised("GET", "/sessions/\(session)/export")
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"] == "application/x-tar")
            #expect(reply.headers["content-disposition"] == "attachment; filename=\"\(session).tar\"")
            let archive = folder.path + "/export.tar", unpacked = folder.path + "/unpacked"
            try reply.body.write(to: URL(fileURLWithPath: archive))
            try FileManager.default.createDirectory(atPath: unpacked, withIntermediateDirectories: true)
            try Program.run("/usr/bin/tar", ["-xf", archive, "-C", unpacked])

            let served = Self.files(under: unpacked + "/" + session)
            let written = Self.files(under: expected)
            #expect(served.keys.contains("src/components/PayButton.jsx"))
            #expect(served.keys.contains("versions/PayButton.v1.jsx"))
            #expect(served.keys.contains("transcript.md"))
            #expect(Set(served.keys) == Set(written.keys))
            for (path, data) in written where path != Self.manifestName(in: written) {
                #expect(served[path] == data, "\(path) differs from what export writes")
            }
            // Nothing outside the session's own folder.
            let top = try FileManager.default.contentsOfDirectory(atPath: unpacked)
            #expect(top == [session])
        }
    }

    /// The manifest records when it was written, so it is the one file compared by name only.
    static func manifestName(in files: [String: Data]) -> String? {
        files.keys.first { $0.contains("manifest") }
    }

    @Test func anUnknownSessionIs404AndNoDatabaseIsAnEmptyList() async throws {
        let folder = Folder()
        defer { folder.remove() }
        // No database yet: an empty list, and asking does not create one.
        try await RunningServer.with(stages: try Self.stages(sessionDatabase: folder.database)) { server in
            let empty = try await server.authorised("GET", "/sessions")
            #expect(empty.status == 200)
            #expect((empty.object["sessions"] as? [Any])?.isEmpty == true)
            #expect(try await server.authorised("GET", "/sessions/2026-01-01-0000-abcd/export").status == 404)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.database))

        _ = try await Self.recordMeeting(into: folder.database)
        try await RunningServer.with(stages: try Self.stages(sessionDatabase: folder.database)) { server in
            for id in ["2026-01-01-0000-abcd", "...", "no%20such", "x;y"] {
                let reply = try await server.authorised("GET", "/sessions/\(id)/export")
                #expect(reply.status == 404, "\(id)")
                #expect(reply.headers["content-type"] == "application/json; charset=utf-8")
                #expect(reply.error.hasPrefix("no session"), "\(id): \(reply.error)")
            }
        }
    }
}
