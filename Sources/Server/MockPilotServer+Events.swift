import Foundation
import Hummingbird

/// `GET /events?session=ID`: a `/stream` meeting's pipeline events as Server-Sent Events, each
/// `data:` line one JSON object as `run --no-tui` prints it, each with an `id:` counting from 1.
/// A client that reconnects with `Last-Event-ID` (browsers send it themselves; curl can pass
/// `?last_event_id=`) gets the events after it, from the meeting's replay buffer
/// (`eventReplay`, 1024 by default); events older than the buffer are gone, and a comment line
/// says how many. The response ends after the meeting's `finished` event.
extension MockPilotServer {
    func events(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        guard let session = query.get("session"), !session.isEmpty else {
            throw APIError.badRequest("give a session: /events?session=ID (the id /stream sent first)")
        }
        guard let log = await room.log(session: session) else {
            throw APIError.notFound("no meeting \(session.prefix(80)) on this server (or it ended long ago)")
        }
        var after = 0
        let header = request.headers.first { $0.name.canonicalName == "last-event-id" }?.value
        if let given = header ?? query.get("last_event_id") {
            guard let id = Int(given.trimmingCharacters(in: .whitespaces)), id >= 0 else {
                throw APIError.badRequest("Last-Event-ID must be an event id, got '\(given.prefix(40))'")
            }
            after = id
        }
        let start = after
        let body = ResponseBody { writer in
            var last = start
            let oldest = await log.oldestRetained
            if oldest > last + 1 {
                try await writer.write(ByteBuffer(string: ": \(oldest - last - 1) events are older than the replay buffer\n\n"))
            }
            while let entries = await log.read(after: last) {
                var text = ""
                for entry in entries { text += "id: \(entry.id)\ndata: \(entry.line)\n\n" }
                try await writer.write(ByteBuffer(string: text))
                last = entries.last?.id ?? last
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }
}
