import Foundation
import Testing
import Whisper

/// The installed Whisper model and a temporary folder for the speech tests.
enum SpeechFixtures {
    static var modelDirectory: String {
        ProcessInfo.processInfo.environment["MOCKPILOT_WHISPER_MODEL"]
            ?? (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + "/.local/share/mockpilot/models/whisper-tiny.en"
    }

    /// One loaded model for all tests (loading converts 37 M weights).
    static let model: Result<WhisperModel, Error> = Result { try WhisperModel.load(directory: modelDirectory) }

    static func loadModel() throws -> WhisperModel {
        do {
            return try model.get()
        } catch {
            Issue.record("Whisper tiny.en is not installed at \(modelDirectory): run `make models` (\(error))")
            throw error
        }
    }

    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("speech-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
