import Foundation
import Testing
@testable import Capture

/// Raw Opus packets, as a `/stream` client sends them: taken out of files `opusenc` made (our Ogg
/// parser finds the packets), decoded one by one to 16 kHz mono.
@Suite struct OpusPacketTests {
    /// The audio packets of an Ogg Opus file (the two header packets dropped).
    static func packets(of path: String) throws -> [[UInt8]] {
        var reader = OggReader(path: path, source: MemoryBytes(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))))
        var packets: [[UInt8]] = []
        while let packet = try reader.next() { packets.append(packet.data) }
        return Array(packets.dropFirst(2))
    }

    @Test(arguments: [(48000, 2), (16000, 1)])
    func packetsDecodeToTheTonePlayedAt16kHz(rate: Int, channels: Int) throws {
        let f = try Fixtures()
        defer { f.remove() }
        let wav = try f.synth("in.wav", format: ["-r", "\(rate)", "-c", "\(channels)", "-b", "16"], seconds: 1.5,
                              ["sine", "440", "vol", "0.5"])
        try Fixtures.run("opusenc", ["--quiet", "--bitrate", "64", wav, f.path("out.opus")])
        let decoder = try OpusPacketDecoder()
        var samples: [Float] = []
        for packet in try Self.packets(of: f.path("out.opus")) { samples += try decoder.decode(packet) }
        // 20 ms packets; the last is padded and the warm-up (6.5 ms) is not dropped, so a little over 1.5 s.
        #expect(samples.count >= 24000 && samples.count <= 24000 + 2 * 320, "\(samples.count) samples")
        #expect(abs(Signal.frequency(samples, rate: 16000) - 440) < 1)
        #expect(abs(Double(Signal.rms(Array(samples[1600..<22400]))) - 0.5 / 2.0.squareRoot()) < 0.03)
    }

    @Test func aBrokenOrEmptyPacketIsAClearErrorAndTheNextStillDecodes() throws {
        let f = try Fixtures()
        defer { f.remove() }
        let wav = try f.synth("in.wav", format: ["-r", "16000", "-c", "1", "-b", "16"], seconds: 0.5, ["sine", "440"])
        try Fixtures.run("opusenc", ["--quiet", wav, f.path("out.opus")])
        let packets = try Self.packets(of: f.path("out.opus"))
        let decoder = try OpusPacketDecoder()
        #expect(try decoder.decode(packets[0]).count == 320)
        #expect(throws: OpusPacketError(packet: 2, reason: "the packet is empty")) { try decoder.decode([UInt8]()) }
        // A TOC byte saying code 3 (several frames) with no frame count after it is invalid.
        #expect {
            try decoder.decode([packets[1][0] | 0x03])
        } throws: { error in
            (error as? OpusPacketError)?.description.hasPrefix("Opus packet 3 could not be decoded: ") == true
        }
        #expect(try decoder.decode(packets[1]).count == 320)
    }
}
