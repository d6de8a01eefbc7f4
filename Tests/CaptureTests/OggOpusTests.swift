import Foundation
import Testing
@testable import Capture

/// Ogg Opus files made by `opusenc` (Debian opus-tools), decoded by our own Ogg parser + libopus.
@Suite struct OggOpusTests {
    func encode(_ f: Fixtures, seconds: Double, rate: Int, channels: Int, _ synth: [String]) throws -> String {
        let wav = try f.synth("in.wav", format: ["-r", "\(rate)", "-c", "\(channels)", "-b", "16"], seconds: seconds, synth)
        let opus = f.path("out.opus")
        try Fixtures.run("opusenc", ["--quiet", "--bitrate", "64", wav, opus])
        return opus
    }

    @Test(arguments: [(44100, 2), (48000, 1), (16000, 1)])
    func opusKeepsDurationAndPitch(rate: Int, channels: Int) throws {
        let f = try Fixtures()
        defer { f.remove() }
        let opus = try encode(f, seconds: 1.5, rate: rate, channels: channels, ["sine", "440", "vol", "0.5"])
        let samples = try AudioFile.decode(path: opus)
        // Pre-skip removed and the end trimmed to the granule: exactly 1.5 s at 16 kHz.
        #expect(samples.count == 24000)
        #expect(abs(Signal.frequency(samples, rate: 16000) - 440) < 1)
        #expect(abs(Double(Signal.rms(samples)) - 0.5 / 2.0.squareRoot()) < 0.03)
        // No encoder warm-up left at the front: the first 5 ms already carry the tone.
        #expect(Signal.rms(Array(samples[0..<80])) > 0.1)
    }

    @Test func truncatedOpusDecodesUpToTheLastWholePage() throws {
        let f = try Fixtures()
        defer { f.remove() }
        let opus = try encode(f, seconds: 3, rate: 48000, channels: 1, ["sine", "440"])
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: opus)))
        let samples = try AudioFile.decode(bytes: Array(bytes.prefix(bytes.count * 2 / 3)), name: "cut.opus")
        #expect(samples.count > 8000 && samples.count < 48000)
    }

    @Test func corruptPageIsAClearError() throws {
        let f = try Fixtures()
        defer { f.remove() }
        let opus = try encode(f, seconds: 1, rate: 48000, channels: 1, ["sine", "440"])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: opus)))
        bytes[bytes.count - 10] ^= 0xFF
        #expect(throws: CaptureError.self) { try AudioFile.decode(bytes: bytes, name: "bad.opus") }
        do {
            _ = try AudioFile.decode(bytes: bytes, name: "bad.opus")
        } catch {
            let text = (error as? LocalizedError)?.errorDescription ?? ""
            #expect(text.hasPrefix("bad.opus: damaged audio file: Ogg page checksum mismatch at byte "))
        }
    }

    @Test func oggVorbisIsNamedAsUnsupported() throws {
        let f = try Fixtures()
        defer { f.remove() }
        let ogg = try f.synth("v.ogg", format: ["-r", "44100", "-c", "1"], seconds: 0.5, ["sine", "440"])
        #expect(throws: CaptureError.unsupportedCodec(path: ogg, codec: "Vorbis (in Ogg)")) {
            try AudioFile.decode(path: ogg)
        }
    }

    @Test func opusHeadIsParsed() throws {
        var head: [UInt8] = Array("OpusHead".utf8) + [1, 2, 0x38, 0x01, 0x44, 0xAC, 0, 0, 0, 0, 0]
        let parsed = try OggOpusDecoder(path: "x").parseHead(head)
        #expect(parsed.channels == 2 && parsed.preSkip == 312 && parsed.inputRate == 44100 && parsed.coupled == 1)
        head[18] = 1   // family 1 needs a mapping table that is missing here
        #expect(throws: CaptureError.self) { try OggOpusDecoder(path: "x").parseHead(head) }
    }
}
