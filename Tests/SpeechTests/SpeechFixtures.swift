import Foundation
import Testing
import Whisper

/// Files, the installed Whisper model and memory readings for the speech tests.
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

    /// A 16-bit PCM WAV of digital silence written as a sparse file: hours of recording cost a
    /// header on disk and read back as zeros.
    static func sparseWAV(_ path: String, seconds: Int, rate: Int, channels: Int) throws -> String {
        let dataBytes = seconds * rate * channels * 2
        func le(_ v: Int, _ n: Int) -> [UInt8] { (0..<n).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        var header = Array("RIFF".utf8) + le(36 + dataBytes, 4) + Array("WAVEfmt ".utf8) + le(16, 4) + le(1, 2)
        header += le(channels, 2) + le(rate, 4) + le(rate * channels * 2, 4) + le(channels * 2, 2) + le(16, 2)
        header += Array("data".utf8) + le(dataBytes, 4)
        guard FileManager.default.createFile(atPath: path, contents: Data(header)),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        try handle.truncate(atOffset: UInt64(header.count + dataBytes))
        try handle.close()
        return path
    }

    /// A 16 kHz mono WAV of `count` one-second voiced bursts (a 200 Hz buzz rising and falling
    /// four times a second like syllables), 1.2 s apart; and each burst's start and end in seconds.
    static func burstsWAV(count: Int, in dir: String) throws -> (path: String, bursts: [(Double, Double)]) {
        let rate = 16000, gap = 1.2, burst = 1.0
        var samples: [Int16] = []
        var bursts: [(Double, Double)] = []
        for _ in 0..<count {
            samples += [Int16](repeating: 0, count: Int(gap * Double(rate)))
            let start = Double(samples.count) / Double(rate)
            samples += (0..<Int(burst * Double(rate))).map { i in
                let t = Double(i) / Double(rate)
                let voice = 0.2 * sin(2 * .pi * 200 * t) + 0.1 * sin(2 * .pi * 400 * t) + 0.05 * sin(2 * .pi * 800 * t)
                return Int16(voice * (0.55 + 0.45 * sin(2 * .pi * 4 * t)) * 32767)
            }
            bursts.append((start, start + burst))
        }
        samples += [Int16](repeating: 0, count: 2 * rate)
        func le(_ v: Int, _ n: Int) -> [UInt8] { (0..<n).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        var bytes = Array("RIFF".utf8) + le(36 + 2 * samples.count, 4) + Array("WAVEfmt ".utf8) + le(16, 4) + le(1, 2)
        bytes += le(1, 2) + le(rate, 4) + le(2 * rate, 4) + le(2, 2) + le(16, 2) + Array("data".utf8) + le(2 * samples.count, 4)
        for s in samples { bytes += le(Int(s), 2) }
        let path = dir + "/bursts.wav"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (path, bursts)
    }

    /// Resident memory of this process in bytes, from /proc/self/statm.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }
}
