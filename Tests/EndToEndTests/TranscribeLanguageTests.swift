import Foundation
import TestSupport
import Testing

/// `mockpilot transcribe --model base` on speech in German: the language is detected and named on
/// stderr, the text is German; the same file asked of tiny.en in German is one line of refusal.
@Suite(.serialized) struct TranscribeLanguageTests {
    static let sentence = "Wir bauen heute eine neue Schaltfläche für die Startseite."

    /// espeak-ng's German voice, 16 kHz mono 16-bit, in `dir`.
    static func germanClip(in dir: URL) throws -> String {
        let spoken = dir.appendingPathComponent("spoken.wav").path, clip = dir.appendingPathComponent("de.wav").path
        try Program.run("/usr/bin/env", ["espeak-ng", "-v", "de", "-w", spoken, sentence])
        try Program.run("/usr/bin/env", ["sox", spoken, "-r", "16000", "-c", "1", "-b", "16", clip])
        return clip
    }

    @Test func baseDetectsGermanAndSaysSo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let clip = try Self.germanClip(in: dir)

        let result = try Binary.run(["transcribe", "--model", "base", "--format", "text", clip])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("\(clip): language de (detected, probability 0."), "\(result.stderr)")
        let spoken = Set(Self.sentence.lowercased().split { !$0.isLetter }.map(String.init))
        let heard = result.stdout.lowercased().split { !$0.isLetter }.map(String.init)
        #expect(heard.filter(spoken.contains).count >= 3, "\(result.stdout)")

        let refused = try Binary.run(["transcribe", "--model", "tiny.en", "--language", "de", clip])
        #expect(refused.status != 0 && refused.stdout.isEmpty)
        #expect(refused.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("whisper-tiny.en is English-only and cannot transcribe 'de': use --model base"), "\(refused.stderr)")
    }
}
