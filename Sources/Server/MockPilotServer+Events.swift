import Core
import Foundation
import Hummingbird

/// `GET /events?session=ID`: a `/stream` meeting's pipeline events as Server-Sent Events, each
/// `data:` line one JSON object as `run --no-tui` prints it, each with an `id:` counting from 1.
/// `session=all` is every component this server has made (its meetings' and `POST /generate`'s),
/// each `{"type":"component","component":{"event":ComponentEvt,"name"}}`, for the live preview;
/// it ends when the server stops.
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

    /// A component for `/events?session=all`, if the checker passes it here too: the folder renamed
    /// its export after the meeting checked it, and the preview runs this code in a browser.
    func publish(_ component: ComponentEvt, name: String?) async {
        guard checker.check(component.jsx).isEmpty else {
            logger.error("stage failure", metadata: ["stage": "checker", "spec_id": "\(component.specID)",
                                                     "reason": "not published to the preview"])
            return
        }
        var entry: [String: Any] = ["event": ["spec_id": component.specID, "jsx": component.jsx, "ts": component.ts]]
        if let name { entry["name"] = name }
        guard let data = try? JSONSerialization.data(withJSONObject: ["type": "component", "component": entry], options: [.sortedKeys])
        else { return }
        await room.publish(specID: component.specID, jsx: component.jsx, line: String(decoding: data, as: UTF8.self))
    }
}
