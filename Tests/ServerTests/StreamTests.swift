import Foundation
import Testing
import TestSupport
@testable import Server

/// `/stream` and `/events` on a real server with Whisper tiny.en, driven by the Python client.
@Suite(.serialized) struct StreamTests {
    /// A line spoken in real time: its final arrives with the words said, the meeting makes its
    /// component, `/events` follows it all with ids 1, 2, 3, ... and resumes after a `Last-Event-ID`;
    /// meanwhile the same line sent as Opus packets is heard too, and a stream sending an oversized
    /// frame and one with a bad first frame are refused with a JSON error and their close codes,
    /// and the first stream goes on.
    @Test func aSpokenLineArrivesAsAFinalAndAsEvents() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = try StreamClient.spokenLines()
        let line = try #require(lines.first { $0.wav.hasSuffix("dev-001.wav") })
        try await RunningServer.with(stages: try StreamClient.stages(writingInto: directory)) { server in
            async let spoken = StreamClient.run(server, wavs: [line.wav], options: ["--pace", "realtime", "--query-token"])
            async let oversized = StreamClient.run(server, wavs: [line.wav], options: ["--frame-bytes", "100000"])
            async let badFirst = StreamClient.run(server, wavs: [], options: ["--first", "hello"])
            async let opus = StreamClient.run(server, wavs: [line.wav], options: ["--opus", "--pace", "fast"])
            let (run, big, bad, packets) = try await (spoken, oversized, badFirst, opus)

            #expect(big.errorCode == 1009 && big.closeCode == 1009)
            #expect(big.error.contains("larger than 65536 bytes"), "\(big.received)")
            #expect(bad.received.count == 1 && bad.errorCode == 1003 && bad.closeCode == 1003)
            #expect(bad.error.contains(#"{"format":"pcm16"}"#), "\(bad.received)")
            #expect(packets.received.last?["type"] as? String == "finished" && packets.closeCode == 1000, "\(packets.received)")
            #expect(StreamClient.recall(of: line.text, in: packets.finalText) >= 0.8, "heard from Opus: \(packets.finalText)")

            // Audio starts once the session frame is in; speech ends `line.seconds` later.
            let finalAt = run.frames("final").compactMap { $0["at"] as? Double }.max() ?? 0
            let sessionAt = run.frames("session").first?["at"] as? Double ?? 0
            print("real-time stream: meeting opened \(sessionAt) s after connecting; \(run.frames("partial").count) partials; "
                  + "last final \(String(format: "%.2f", finalAt - sessionAt - line.seconds)) s after the end of speech")
            #expect(run.received.first?["type"] as? String == "session")
            #expect(run.received.last?["type"] as? String == "finished" && run.closeCode == 1000)
            #expect(StreamClient.recall(of: line.text, in: run.finalText) >= 0.8, "heard: \(run.finalText)")
            #expect(!run.frames("partial").isEmpty, "no partial while the line was spoken")
            #expect(run.events.map(\.id) == Array(1...run.events.count))
            #expect(run.events.last?.event["type"] as? String == "finished")
            let heard = run.events("transcript").compactMap { ($0["utterance"] as? [String: Any])?["msg"] as? [String: Any] }
            #expect(heard.compactMap { $0["text"] as? String }.joined(separator: " ") == run.finalText)
            let components = run.events("component").compactMap { $0["component"] as? [String: Any] }
            #expect(components.contains { $0["kind"] as? String == "pricing" }, "no pricing component: \(run.events.map(\.event["type"]))")

            // A client reconnecting after event n - 3 gets exactly the three after it.
            let session = try #require(run.session)
            let last = run.events.count
            let replay = try await server.authorised("GET", "/events?session=\(session)", headers: ["Last-Event-ID": "\(last - 3)"])
            #expect(replay.status == 200 && replay.headers["content-type"] == "text/event-stream")
            let ids = replay.text.split(separator: "\n").filter { $0.hasPrefix("id: ") }.map { $0.dropFirst(4) }
            #expect(ids == ["\(last - 2)", "\(last - 1)", "\(last)"])
        }
    }

    /// Eight lines sent twice over, as fast as the socket takes them: recognition falls behind,
    /// the client is told `{"type":"slow"}`, and still every line's final arrives with its words.
    /// (Sent once, they no longer reliably fill the queue past four since products run on
    /// MockPilot's own threads: 6 slow frames before, 0-2 after.)
    @Test func audioFasterThanRealTimeIsSlowButNothingIsLost() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = Array(try StreamClient.spokenLines().prefix(8))
        #expect(lines.count == 8)
        try await RunningServer.with(stages: try StreamClient.stages(writingInto: directory)) { server in
            let run = try await StreamClient.run(server, wavs: (lines + lines).map(\.wav), options: ["--pace", "fast"])
            let recalls = lines.map { StreamClient.recall(of: $0.text, in: run.finalText) }
            print("fast stream: \(run.frames("final").count) finals, \(run.frames("slow").count) slow frames (deepest \(run.frames("slow").compactMap { $0["queued"] as? Int }.max() ?? 0)), recall \(recalls.map { String(format: "%.2f", $0) })")
            #expect(run.frames("final").count >= lines.count, "\(lines.count) lines, \(run.frames("final").count) finals")
            #expect(!run.frames("slow").isEmpty, "never slow: \(run.received.map { $0["type"] ?? "" })")
            #expect(run.frames("slow").allSatisfy { ($0["queued"] as? Int ?? 0) > 4 })
            #expect(!run.events("slow").isEmpty)
            for line in lines {
                #expect(StreamClient.recall(of: line.text, in: run.finalText) >= 0.7, "\(line.text) -> \(run.finalText)")
            }
            #expect(run.received.last?["type"] as? String == "finished")
            #expect(run.events.last?.event["type"] as? String == "finished")
        }
    }

    /// Without an upgrade, a token or a known session, the routes answer with a JSON error.
    @Test func plainRequestsAreToldWhatTheRoutesAre() async throws {
        try await RunningServer.with { server in
            let plain = try await server.authorised("GET", "/stream")
            #expect(plain.status == 426 && plain.error.contains("WebSocket"))
            #expect(try await server.send("GET", "/stream", token: nil).status == 401)
            #expect(try await server.send("GET", "/events?session=x", token: nil).status == 401)
            let token = try await server.token()
            #expect(try await server.send("GET", "/events?session=nope&token=\(token)", token: nil).status == 404)
            #expect(try await server.authorised("GET", "/events").status == 400)
            #expect(try await server.send("GET", "/generate?token=\(token)", token: nil).status == 401)
        }
    }
}
