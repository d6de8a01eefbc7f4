import Foundation
import TestSupport
import Testing
import Whisper

/// The installed Whisper model and a temporary folder for the speech tests.
enum SpeechFixtures {
    /// One loaded model for all tests (loading converts 37 M weights).
    static let whisper = InstalledModel("Whisper tiny.en", directory: ModelPaths.whisperTinyEn) {
        try WhisperModel.load(directory: $0)
    }

    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("speech-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
