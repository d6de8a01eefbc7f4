import Foundation
import TestSupport
import Testing
@testable import Capture

@Suite struct AudioFileTests {
    /// Every common WAV layout decodes to 16 kHz mono with its duration, level and pitch intact.
    @Test(arguments: [
        (8000, 1, "8", "unsigned-integer"),
        (16000, 1, "16", "signed-integer"),
        (22050, 2, "16", "signed-integer"),
        (44100, 2, "24", "signed-integer"),
        (48000, 1, "32", "signed-integer"),
        (48000, 2, "32", "floating-point"),
        (96000, 1, "64", "floating-point"),
    ])
    func wavLayoutsKeepDurationAndPitch(rate: Int, channels: Int, bits: String, encoding: String) throws {
        let f = try Fixtures()
        defer { f.remove() }
        let wav = try f.synth("t.wav", format: ["-r", "\(rate)", "-c", "\(channels)", "-b", bits, "-e", encoding],
                              seconds: 1, ["sine", "440", "vol", "0.5"])
        let samples = try AudioFile.decode(path: wav)
        #expect(samples.count == 16000)
        let hz = Signal.frequency(samples, rate: 16000)
        #expect(abs(hz - 440) < 1, "\(rate) Hz \(channels) ch \(bits) bit: \(hz) Hz")
        #expect(abs(Double(Signal.rms(samples)) - 0.5 / 2.0.squareRoot()) < 0.02)
    }

    @Test func wavExtensibleIsDecoded() throws {
        let f = try Fixtures()
        defer { f.remove() }
        // sox writes WAVE_FORMAT_EXTENSIBLE for more than two channels.
        let wav = try f.synth("t.wav", format: ["-r", "44100", "-c", "4", "-b", "24"], seconds: 0.5, ["sine", "440"])
        let header = try Data(contentsOf: URL(fileURLWithPath: wav))
        #expect(header[20] == 0xFE && header[21] == 0xFF)
        let samples = try AudioFile.decode(path: wav)
        #expect(samples.count == 8000)
        #expect(abs(Signal.frequency(samples, rate: 16000) - 440) < 1)
    }

    @Test func stereoIsDownmixedByAveraging() throws {
        let f = try Fixtures()
        defer { f.remove() }
        // Left 440 Hz, right 1000 Hz: the mix holds each at half its channel's amplitude.
        let wav = try f.synth("s.wav", format: ["-r", "44100", "-c", "2", "-b", "16"], seconds: 1,
                              ["sine", "440", "sine", "1000"])
        let left = f.path("l.wav"), right = f.path("r.wav")
        try Fixtures.run("sox", [wav, left, "remix", "1"])
        try Fixtures.run("sox", [wav, right, "remix", "2"])
        let samples = try AudioFile.decode(path: wav)
        let a = Signal.magnitude(samples, at: 440, rate: 16000)
        let b = Signal.magnitude(samples, at: 1000, rate: 16000)
        let a1 = Signal.magnitude(try AudioFile.decode(path: left), at: 440, rate: 16000)
        let b1 = Signal.magnitude(try AudioFile.decode(path: right), at: 1000, rate: 16000)
        #expect(a1 > 0.3 && b1 > 0.3)
        #expect(abs(a - a1 / 2) < 0.01 && abs(b - b1 / 2) < 0.01, "\(a) \(a1) \(b) \(b1)")
        // Opposite-phase channels cancel.
        let inverted = f.path("inv.wav")
        try Fixtures.run("sox", [wav, inverted, "remix", "1", "1i"])
        #expect(Signal.rms(try AudioFile.decode(path: inverted)) < 0.001)
    }

    /// Frequencies above the 8 kHz output Nyquist must not fold back into the speech band.
    @Test func resamplerRejectsAliases() throws {
        let f = try Fixtures()
        defer { f.remove() }
        let wav = try f.synth("hi.wav", format: ["-r", "48000", "-c", "1", "-b", "16"], seconds: 1, ["sine", "10000"])
        let samples = try AudioFile.decode(path: wav)
        // A 10 kHz tone would alias to 6 kHz under naive decimation.
        #expect(Signal.magnitude(samples, at: 6000, rate: 16000) < 0.001)
        #expect(Signal.rms(samples) < 0.01)
    }

    @Test func sixteenKMonoIsBitExact() throws {
        let f = try Fixtures()
        defer { f.remove() }
        let wav = try f.synth("w.wav", format: ["-r", "16000", "-c", "1", "-b", "16"], seconds: 0.3, ["whitenoise", "vol", "0.3"])
        let raw = f.path("w.raw")
        try Fixtures.run("sox", [wav, "-t", "raw", raw])
        let expected = RawPCM.decodeS16LE(try Data(contentsOf: URL(fileURLWithPath: raw)))
        #expect(try AudioFile.decode(path: wav) == expected)
    }

    /// Decision: a truncated data chunk decodes the whole frames present (a recorder killed
    /// mid-meeting still leaves a usable file); a header cut short is an error.
    @Test func truncatedWAVDecodesTheWholeFramesPresent() throws {
        let f = try Fixtures()
        defer { f.remove() }
        let wav = try f.synth("t.wav", format: ["-r", "16000", "-c", "1", "-b", "16"], seconds: 1, ["sine", "440"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: wav))
        // 8000 whole samples plus one stray byte.
        let samples = try AudioFile.decode(bytes: Array(bytes.prefix(44 + 16001)), name: "cut.wav")
        #expect(samples.count == 8000)
        #expect(throws: CaptureError.malformed(path: "cut.wav", detail: "fmt chunk cut short (file truncated?)")) {
            try AudioFile.decode(bytes: Array(bytes.prefix(30)), name: "cut.wav")
        }
    }

    @Test func aChunkSizeBeyondTheFileIsADamagedHeaderNotAnEmptyFile() throws {
        // fmt claims 0xFFFFFFF0 bytes: the data chunk after it can never be reached.
        var bytes = TestWAV.header(dataBytes: 3200, rate: 16000, channels: 1) + [UInt8](repeating: 1, count: 3200)
        bytes[16...19] = [0xF0, 0xFF, 0xFF, 0xFF]
        #expect(throws: CaptureError.malformed(path: "big.wav", detail: "the 'fmt' chunk claims 4294967280 bytes, "
                                               + "more than the 3224 left in the file (damaged header?)")) {
            try AudioFile.decode(bytes: bytes, name: "big.wav")
        }
    }

    @Test func unsupportedInputsGiveOneClearLine() throws {
        let f = try Fixtures()
        defer { f.remove() }
        func message(_ bytes: [UInt8], _ name: String) -> String {
            do {
                _ = try AudioFile.decode(bytes: bytes, name: name)
                return "decoded"
            } catch {
                return (error as? LocalizedError)?.errorDescription ?? "\(error)"
            }
        }
        // A WAV header declaring MP3 (codec 0x55).
        let wav = try f.synth("t.wav", format: ["-r", "16000", "-c", "1", "-b", "16"], seconds: 0.1, ["sine", "440"])
        var mp3InWav = [UInt8](try Data(contentsOf: URL(fileURLWithPath: wav)))
        mp3InWav[20] = 0x55
        let m1 = message(mp3InWav, "a.wav")
        #expect(m1.hasPrefix("a.wav: unsupported codec MP3") && m1.contains("0x55") && !m1.contains("\n"), "\(m1)")
        // MP3 frame sync and an ID3 tag, whatever the extension says.
        #expect(message([0xFF, 0xFB, 0x90, 0x64] + [UInt8](repeating: 0, count: 100), "b.wav")
            .hasPrefix("b.wav: MP3 is not supported"))
        #expect(message(Array("ID3".utf8) + [UInt8](repeating: 0, count: 100), "c.mp3").hasPrefix("c.mp3: MP3 is not supported"))
        let m2 = message(Array("hello, this is not audio".utf8), "notes.wav")
        #expect(m2.hasPrefix("notes.wav: ") && m2.contains("unrecognised"), "\(m2)")
        #expect(message([], "empty.wav") == "empty.wav: the file is empty")
        // A header with a data chunk of zero bytes.
        var headerOnly = Array(mp3InWav.prefix(44))
        headerOnly[20] = 1
        headerOnly[40...43] = [0, 0, 0, 0]
        #expect(message(headerOnly, "h.wav") == "h.wav: the file holds no audio samples")
        let missing = f.path("none.wav")
        #expect(throws: CaptureError.unreadable(path: missing, reason: "no such file")) {
            try AudioFile.decode(path: missing)
        }
    }

    @Test func silenceStaysSilent() throws {
        let f = try Fixtures()
        defer { f.remove() }
        let wav = f.path("z.wav")
        try Fixtures.run("sox", ["-n", "-D", "-r", "44100", "-c", "2", "-b", "16", wav, "trim", "0", "2"])
        let samples = try AudioFile.decode(path: wav)
        #expect(samples.count == 32000)
        #expect(samples.allSatisfy { $0 == 0 })
    }

    /// The header decides, not the name: Opus called .wav and WAV called .opus both decode.
    @Test func formatComesFromMagicBytesNotTheExtension() throws {
        let f = try Fixtures()
        defer { f.remove() }
        let wav = try f.synth("a.wav", format: ["-r", "48000", "-c", "1", "-b", "16"], seconds: 1, ["sine", "440"])
        let opus = f.path("b.opus")
        try Fixtures.run("opusenc", ["--quiet", wav, opus])
        let opusNamedWav = f.path("really-opus.wav"), wavNamedOpus = f.path("really-wav.opus")
        try FileManager.default.copyItem(atPath: opus, toPath: opusNamedWav)
        try FileManager.default.copyItem(atPath: wav, toPath: wavNamedOpus)
        #expect(try AudioFile.decode(path: opusNamedWav).count == 16000)
        #expect(try AudioFile.decode(path: wavNamedOpus) == (try AudioFile.decode(path: wav)))
    }

    /// Chunks other than fmt/data (LIST, odd-sized ones with their pad byte) are skipped, and a
    /// streaming writer's 0xFFFFFFFF data size means "to the end of the file".
    @Test func otherChunksAndStreamingSizesAreHandled() throws {
        func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        func le16(_ v: UInt16) -> [UInt8] { [UInt8(truncatingIfNeeded: v), UInt8(truncatingIfNeeded: v >> 8)] }
        let pcm: [Int16] = [0, 1000, -1000, 32767, -32768]
        let data = pcm.flatMap { le16(UInt16(bitPattern: $0)) }
        let fmt = le16(1) + le16(1) + le32(16000) + le32(32000) + le16(2) + le16(16)
        var bytes = Array("RIFF".utf8) + le32(0) + Array("WAVE".utf8)
        bytes += Array("junk".utf8) + le32(3) + [1, 2, 3, 0]          // odd size + pad byte
        bytes += Array("fmt ".utf8) + le32(16) + fmt
        bytes += Array("LIST".utf8) + le32(4) + Array("INFO".utf8)
        bytes += Array("data".utf8) + le32(0xFFFF_FFFF) + data
        let samples = try AudioFile.decode(bytes: bytes, name: "stream.wav")
        #expect(samples == pcm.map { Float($0) / 32768 })
    }
}
