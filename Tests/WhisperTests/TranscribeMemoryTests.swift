import Foundation
import TestSupport
import Testing

/// `mockpilot transcribe` over whole 30 s windows (no `--vad`) on a long recording: the built
/// binary, its peak memory measured by GNU time as a child process.
@Suite(.serialized) struct TranscribeMemoryTests {
    static let meeting = Repository.shared.path + "/eval/audio/meetings/meeting_01.wav"

    /// A 78 s meeting repeated to 10 minutes peaks within 32 MB of the meeting alone: the file
    /// is decoded as it is read. Held whole, its samples alone would be 40 MB (and the old
    /// path also kept a padded copy, the power spectrum and the spectrogram: over 120 MB).
    /// Ten minutes, not more: the test transcribes all of it with the debug build.
    @Test func memoryStaysFlatOnALongFileWithoutVAD() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("transcribe-memory-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let repeats = 8
        let long = try Self.repeated(Self.meeting, times: repeats, into: dir + "/long.wav")

        let short = try Self.transcribe(Self.meeting, dir: dir)
        let longRun = try Self.transcribe(long, dir: dir)
        let growth = longRun.peakKB - short.peakKB
        #expect(growth < 32 * 1024, "peak \(longRun.peakKB / 1024) MB on 10 min against \(short.peakKB / 1024) MB on 78 s")
        // It did transcribe the whole file: the meeting's words once per repetition.
        let shortLines = short.text.split(separator: "\n").count
        let longLines = longRun.text.split(separator: "\n").count
        #expect(shortLines > 3)
        #expect(longLines >= shortLines * repeats * 3 / 4, "\(longLines) lines for \(repeats) x \(shortLines)")
    }

    /// The transcript as text and the process's peak resident memory in kB.
    static func transcribe(_ path: String, dir: String) throws -> (text: String, peakKB: Int) {
        let report = dir + "/time-\(UUID())"
        let binary = Repository.root.appendingPathComponent(".build/debug/mockpilot").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            Issue.record("no \(binary): run `swift build` first")
            throw CocoaError(.fileNoSuchFile)
        }
        let text = try Program.run("/usr/bin/time", ["-f", "%M", "-o", report, binary, "transcribe",
                                                     "--model", ModelPaths.whisperTinyEn, "--format", "text", path])
        let peak = try String(contentsOfFile: report, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let kB = Int(peak.split(separator: "\n").last ?? "") else {
            Issue.record("GNU time wrote \(peak) (scripts/deps.sh installs `time`)")
            throw CocoaError(.fileReadCorruptFile)
        }
        return (text, kB)
    }

    /// `source` (16-bit PCM WAV with a plain 44-byte header) with its samples `times` times over.
    static func repeated(_ source: String, times: Int, into path: String) throws -> String {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: source))
        let samples = bytes.dropFirst(44)
        let header = [UInt8](bytes.prefix(44))
        #expect(Array(header[36..<40]) == Array("data".utf8), "\(source) should have a 44-byte header")
        let rate = Int(header[24]) | Int(header[25]) << 8 | Int(header[26]) << 16
        var out = Data(TestWAV.header(dataBytes: samples.count * times, rate: rate, channels: Int(header[22])))
        for _ in 0..<times { out.append(samples) }
        try out.write(to: URL(fileURLWithPath: path))
        return path
    }
}
