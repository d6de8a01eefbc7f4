import Foundation

/// 16-bit PCM WAV files made at test time, for the capture, speech and pipeline tests.
public enum TestWAV {
    /// The 44-byte header of a 16-bit PCM WAV whose data chunk holds `dataBytes` bytes.
    public static func header(dataBytes: Int, rate: Int, channels: Int) -> [UInt8] {
        var header = Array("RIFF".utf8) + le(36 + dataBytes, 4) + Array("WAVEfmt ".utf8) + le(16, 4) + le(1, 2)
        header += le(channels, 2) + le(rate, 4) + le(rate * channels * 2, 4) + le(channels * 2, 2) + le(16, 2)
        return header + Array("data".utf8) + le(dataBytes, 4)
    }

    /// A WAV of digital silence written as a sparse file: hours of recording cost a header on
    /// disk and read back as zeros. Returns `path`.
    public static func sparse(_ path: String, seconds: Int, rate: Int, channels: Int) throws -> String {
        let dataBytes = seconds * rate * channels * 2
        let header = header(dataBytes: dataBytes, rate: rate, channels: channels)
        guard FileManager.default.createFile(atPath: path, contents: Data(header)),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        try handle.truncate(atOffset: UInt64(header.count + dataBytes))
        try handle.close()
        return path
    }

    /// `dir`/bursts.wav, 16 kHz mono: `count` one-second voiced bursts (a 200 Hz buzz rising and
    /// falling four times a second like syllables), 1.2 s apart, then 2 s of silence; and each
    /// burst's start and end in seconds.
    public static func bursts(count: Int, in dir: String) throws -> (path: String, bursts: [(Double, Double)]) {
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
        var bytes = header(dataBytes: 2 * samples.count, rate: rate, channels: 1)
        for s in samples { bytes += le(Int(s), 2) }
        let path = dir + "/bursts.wav"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (path, bursts)
    }

    /// `v`'s low `n` bytes, little-endian.
    private static func le(_ v: Int, _ n: Int) -> [UInt8] { (0..<n).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
}
