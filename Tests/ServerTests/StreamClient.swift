import Config
import Foundation
import TestSupport
import Whisper
@testable import Server

/// The Python `/stream` client (Client/stream_client.py, `websockets` from PyPI in a venv that
/// scripts/venv.sh makes once), run against a real server, and what it saw.
struct StreamClient {
    /// What the client got on the WebSocket (text frames as objects), its close code, and the
    /// events its `/events` follower read, in order.
    struct Run {
        var received: [[String: Any]]
        var closeCode: Int?
        var events: [(id: Int, event: [String: Any])]

        func frames(_ type: String) -> [[String: Any]] { received.filter { $0["type"] as? String == type } }
        var finalText: String { frames("final").compactMap { $0["text"] as? String }.joined(separator: " ") }
        /// The reason of the error frame, if one came.
        var error: String { (frames("error").first?["error"] as? String) ?? "" }
        var errorCode: Int? { frames("error").first?["code"] as? Int }
        var session: String? { frames("session").first?["session"] as? String }
        func events(_ type: String) -> [[String: Any]] { events.map(\.event).filter { $0["type"] as? String == type } }
    }

    static let folder = Repository.root.appendingPathComponent("Tests/ServerTests/Client").path

    /// Runs the client to its end on a thread of its own, so the server keeps the test's executors.
    static func run(_ server: RunningServer, wavs: [String], options: [String] = []) async throws -> Run {
        let token = try await server.token(lifetime: 600)
        let python = try await blocking {
            try ReferencePython.websockets()
        }
        let output = try await blocking {
            try Program.run(python, [folder + "/stream_client.py", server.url, token] + options + wavs)
        }
        guard let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
              let received = object["received"] as? [[String: Any]], let events = object["events"] as? [[String: Any]]
        else { throw TestFailure("the client printed no result: \(output.prefix(400))") }
        return Run(received: received, closeCode: object["close_code"] as? Int,
                   events: events.compactMap { entry in
                       guard let id = entry["id"] as? Int, let event = entry["event"] as? [String: Any] else { return nil }
                       return (id, event)
                   })
    }

    static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Stages whose meetings write into `directory` and hear with Whisper tiny.en from `make models`.
    static func stages(writingInto directory: URL) throws -> ServerStages {
        var settings = Settings()
        settings.outputFolder = directory.appendingPathComponent("out").path
        settings.database = directory.appendingPathComponent("mockpilot.sqlite").path
        settings.themesDirectory = Repository.root.appendingPathComponent("Themes").path
        settings.model = ModelPaths.whisperTinyEn
        let whisper: WhisperModel
        do {
            whisper = try WhisperModel.load(directory: settings.model)
        } catch {
            throw TestFailure("Whisper tiny.en is needed at \(settings.model) (run `make models`): \(error)")
        }
        var stages = try RunningServer.stages()
        stages.meetings = MeetingStages(settings: settings, whisper: whisper)
        return stages
    }

    /// Spoken lines of the shared eval set (clean, no added noise), with what was said.
    static func spokenLines() throws -> [(wav: String, text: String, seconds: Double)] {
        let audio = Repository.shared.appendingPathComponent("eval/audio")
        let manifest = audio.appendingPathComponent("manifest.jsonl")
        guard let text = try? String(contentsOf: manifest, encoding: .utf8) else {
            throw TestFailure("\(manifest.path) is missing: link the shared folder (ln -s /work/shared ../shared)")
        }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  object["kind"] as? String == "line", object["noisy"] as? Bool == false, object["degrade"] is NSNull,
                  let wav = object["wav"] as? String, let said = object["text"] as? String,
                  let seconds = object["duration"] as? Double
            else { return nil }
            return (audio.appendingPathComponent(wav).path, said, seconds)
        }
    }

    /// The share of `said`'s words (lower case, letters and digits only) that appear in `heard`.
    static func recall(of said: String, in heard: String) -> Double {
        func words(_ text: String) -> [String] {
            text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "'" }.map(String.init)
        }
        let saidWords = words(said), heardWords = Set(words(heard))
        guard !saidWords.isEmpty else { return 1 }
        return Double(saidWords.filter(heardWords.contains).count) / Double(saidWords.count)
    }
}
