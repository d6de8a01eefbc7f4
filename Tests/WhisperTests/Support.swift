import Foundation
import TestSupport
import Testing
@testable import Whisper

/// Shared paths and helpers for the Whisper tests: the eval audio in ../shared, the installed
/// model, and the faster-whisper reference run in a venv.
enum Fixtures {
    static let lines = Repository.shared.path + "/eval/audio/lines"

    /// One loaded model for all tests (loading converts 37 M weights).
    static let whisper = InstalledModel("Whisper tiny.en", directory: ModelPaths.whisperTinyEn) {
        try WhisperModel.load(directory: $0)
    }

    /// The manifest's text for a line recording, e.g. "dev-012".
    static func expectedText(_ id: String) throws -> String {
        let manifest = try String(contentsOfFile: Repository.shared.path + "/eval/audio/manifest.jsonl", encoding: .utf8)
        for line in manifest.split(separator: "\n") {
            if let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
               obj["wav"] as? String == "lines/\(id).wav", let text = obj["text"] as? String {
                return text
            }
        }
        throw WhisperError.invalidOptions("no \(id) in manifest")
    }

    /// Runs scripts/reference/whisper_reference.py in the cached faster-whisper venv and
    /// returns its stdout. Fails the test with the reason when the venv cannot be made.
    static func reference(_ arguments: [String], stdin: String? = nil) throws -> String {
        try referenceScript("whisper_reference.py", arguments, stdin: stdin)
    }

    /// Runs any script in scripts/reference/ with the venv's python.
    static func referenceScript(_ script: String, _ arguments: [String], stdin: String? = nil) throws -> String {
        let python: String
        do {
            python = try ReferencePython.fasterWhisper()
        } catch let failure as Program.Failure {
            let message = "reference venv failed: " + failure.stderr.suffix(400)
            Issue.record(Comment(rawValue: message))
            throw WhisperError.invalidOptions(message)
        }
        return try run(python, [Repository.root.path + "/scripts/reference/" + script] + arguments, stdin: stdin)
    }

    private static func run(_ executable: String, _ arguments: [String], stdin: String? = nil) throws -> String {
        do {
            return try Program.run(executable, arguments, stdin: stdin)
        } catch let failure as Program.Failure {
            let message = "reference run failed (\(executable) \(arguments.joined(separator: " "))): " + failure.stderr.suffix(400)
            Issue.record(Comment(rawValue: message))
            throw WhisperError.invalidOptions(message)
        }
    }
}
