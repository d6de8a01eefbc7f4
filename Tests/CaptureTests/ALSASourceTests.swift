import Foundation
import Testing
@testable import Capture

/// Capture through real libasound from a file-backed PCM.
@Suite(.serialized) struct ALSASourceTests {
    /// Speech made by espeak-ng at 16 kHz, converted to raw s16le with sox.
    func rawSpeech(_ f: Fixtures) throws -> (path: String, samples: [Float]) {
        let wav = f.path("speech.wav")
        try Fixtures.run("espeak-ng", ["-w", wav, "Make the pay button pill shaped."])
        let raw = f.path("speech.raw")
        try Fixtures.run("sox", [wav, "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "raw", raw])
        return (raw, RawPCM.decodeS16LE(try Data(contentsOf: URL(fileURLWithPath: raw))))
    }

    @Test func capturedSamplesEqualTheFile() async throws {
        #expect(ALSATestDevice.ready)
        let f = try Fixtures()
        defer { f.remove() }
        let (raw, expected) = try rawSpeech(f)
        #expect(expected.count > 16000)
        let source = ALSASource(device: ALSATestDevice.name(for: raw), chunkFrames: 1600, bufferedChunks: 1000,
                                maxFrames: expected.count)
        try source.check()
        var got: [Float] = []
        var starts: [Int] = []
        for try await chunk in source.chunks() {
            starts.append(chunk.startSample)
            got.append(contentsOf: chunk.samples)
            #expect(chunk.level >= 0 && chunk.level <= 1)
        }
        #expect(got.count == expected.count)
        #expect(got == expected)
        #expect(starts.first == 0 && starts.dropFirst().allSatisfy { $0 % 1600 == 0 })
        #expect(source.droppedChunks == 0)
    }

    /// A consumer that falls behind loses the oldest chunks, never the newest, and the loss is counted.
    @Test func slowConsumerDropsOldestAndCounts() async throws {
        #expect(ALSATestDevice.ready)
        let f = try Fixtures()
        defer { f.remove() }
        let (raw, expected) = try rawSpeech(f)
        let total = expected.count / 1600 * 1600
        let source = ALSASource(device: ALSATestDevice.name(for: raw), chunkFrames: 1600, bufferedChunks: 2,
                                maxFrames: total)
        let stream = source.chunks()
        // The file plugin is not rate-limited: the whole file is read while we wait.
        let deadline = Date().addingTimeInterval(10)
        while source.droppedChunks < total / 1600 - 2, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        var starts: [Int] = []
        for try await chunk in stream { starts.append(chunk.startSample) }
        #expect(starts == [total - 3200, total - 1600])
        #expect(source.droppedChunks == total / 1600 - 2)
    }

    @Test func badDeviceIsOneLineNamingIt() async throws {
        #expect(ALSATestDevice.ready)
        let source = ALSASource(device: "hw:7,3")
        var message = ""
        do {
            for try await _ in source.chunks() {}
        } catch {
            message = (error as? LocalizedError)?.errorDescription ?? ""
        }
        #expect(message.hasPrefix("audio device hw:7,3: no such capture device"), "\(message)")
        #expect(!message.contains("\n"))
        #expect(throws: CaptureError.self) { try ALSASource(device: "no-such-pcm").check() }
    }

    @Test func listingShowsConfiguredCapturePCMs() throws {
        #expect(ALSATestDevice.ready)
        let devices = try ALSADevices.list()
        let mock = devices.first { $0.name == "mockpilotfile" }
        #expect(mock?.description == "MockPilot test capture from a raw file", "\(devices)")
        #expect(!devices.contains { $0.name == "null" })
    }

    @Test func sourceSpecPicksTheBackend() {
        #expect(AudioSources.open("alsa:hw:1,0").description == "alsa:hw:1,0")
        #expect(AudioSources.open("talk.wav").description == "talk.wav")
    }
}
