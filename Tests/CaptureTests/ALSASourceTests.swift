import Foundation
import TestSupport
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
        let source = ALSASource(device: ALSATestPCM.name(reading: raw), chunkFrames: 1600, bufferedChunks: 1000,
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

    /// A device that only does 48 kHz stereo (as most hw: devices): MockPilot takes its native
    /// format and does the downmix and the resampling itself, so what arrives is exactly the
    /// file's channels averaged and put through `Resampler`, not ALSA's linear conversion.
    @Test func aFortyEightKilohertzStereoDeviceIsDownmixedAndResampled() async throws {
        #expect(ALSATestDevice.ready)
        let f = try Fixtures()
        defer { f.remove() }
        // Left 440 Hz, right 1000 Hz, 2 s, interleaved s16le at 48 kHz.
        let raw = f.path("stereo.raw")
        try Fixtures.run("sox", ["-R", "-n", "-r", "48000", "-c", "2", "-b", "16", "-e", "signed-integer", "-t", "raw", raw,
                                 "synth", "2", "sine", "440", "sine", "1000", "vol", "0.5"])
        let interleaved = RawPCM.decodeS16LE(try Data(contentsOf: URL(fileURLWithPath: raw)))
        let frames = interleaved.count / 2
        let mono: [Float] = (0..<frames).map { (i: Int) -> Float in (interleaved[2 * i] + interleaved[2 * i + 1]) / 2 }
        let expected = Resampler.resample(mono, from: 48000, to: 16000)

        let source = ALSASource(device: ALSATestPCM.stereo48k(reading: raw), chunkFrames: 1600, bufferedChunks: 1000,
                                maxFrames: frames)
        let agreed = try source.check()
        #expect(agreed.rate == 48000 && agreed.channels == 2)
        var got: [Float] = []
        for try await chunk in source.chunks() {
            #expect(chunk.startSample == got.count)
            got += chunk.samples
        }
        #expect(got.count == 32000 && expected.count == 32000)
        let firstDifference = zip(got, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(firstDifference == nil, "differs from the file's own downmix and resampling at sample \(firstDifference ?? -1)")
        // What a listener would check: both tones are there at half their channel's level.
        #expect(abs(Signal.magnitude(got, at: 440, rate: 16000) - 0.125) < 0.01)
        #expect(abs(Signal.magnitude(got, at: 1000, rate: 16000) - 0.125) < 0.01)
        #expect(source.droppedChunks == 0)
    }

    /// A consumer that falls behind loses the oldest chunks, never the newest, and the loss is counted.
    @Test func slowConsumerDropsOldestAndCounts() async throws {
        #expect(ALSATestDevice.ready)
        let f = try Fixtures()
        defer { f.remove() }
        let (raw, expected) = try rawSpeech(f)
        let total = expected.count / 1600 * 1600
        let source = ALSASource(device: ALSATestPCM.name(reading: raw), chunkFrames: 1600, bufferedChunks: 2,
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
        #expect(AudioSources.open("alsa:").description == "alsa:default")
        #expect(AudioSources.open("-").description == "stdin (s16le 16 kHz mono)")
    }
}

extension ALSASourceTests {
    /// On a machine without a sound card `default` cannot open; the message says what to do.
    @Test func defaultWithoutACardSaysSo() throws {
        #expect(ALSATestDevice.ready)
        guard ALSADevices.cards().isEmpty else { return }   // a real card: nothing to check here
        do {
            try ALSASource(device: "default").check()
            Issue.record("default opened with no sound card")
        } catch {
            let text = (error as? LocalizedError)?.errorDescription ?? ""
            #expect(text.hasPrefix("audio device default: "), "\(text)")
            print("alsa:default here -> \(text)")
        }
    }
}

extension ALSASourceTests {
    /// Live capture: the PCM reads from a FIFO fed at real-time pace (640 bytes per 20 ms),
    /// and chunks must reach the consumer while the "speaker" is still talking.
    @Test func chunksArriveWhileAudioIsStillComing() async throws {
        #expect(ALSATestDevice.ready)
        let f = try Fixtures()
        defer { f.remove() }
        let fifo = f.path("live.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let total = 16000   // 1 s
        let written = DropCounter()   // reused as a thread-safe counter of samples written
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            var n = 0
            while n < total {
                let period = (0..<320).flatMap { i -> [UInt8] in
                    let v = Int16(truncatingIfNeeded: (n + i) % 2000 - 1000)
                    return [UInt8(truncatingIfNeeded: v), UInt8(truncatingIfNeeded: v >> 8)]
                }
                handle.write(Data(period))
                n += 320
                written.add(320)
                Thread.sleep(forTimeInterval: 0.02)
            }
            try? handle.close()
        }
        writer.start()
        let source = ALSASource(device: ALSATestPCM.name(reading: fifo), chunkFrames: 1600, bufferedChunks: 100,
                                maxFrames: total)
        var writtenAtFirstChunk = -1
        var samples: [Float] = []
        for try await chunk in source.chunks() {
            if writtenAtFirstChunk < 0 { writtenAtFirstChunk = written.count }
            samples += chunk.samples
        }
        #expect(samples.count == total)
        let expected: [Float] = (0..<total).map { (i: Int) -> Float in Float(i % 2000 - 1000) / 32768 }
        #expect(samples == expected)
        #expect(writtenAtFirstChunk < total / 2, "first chunk came after \(writtenAtFirstChunk) of \(total) samples")
    }
}
