import Foundation
import TestSupport
import Testing
@testable import Capture

/// Capture through real libpulse-simple from a PulseAudio server the test starts: a spoken line
/// played into a null sink with `paplay` arrives on the sink's monitor as 16 kHz mono.
@Suite(.serialized) struct PulseSourceTests {
    /// A spoken design line from the eval set (16 kHz mono, 5.6 s).
    static let line = Repository.shared.appendingPathComponent("eval/audio/lines/dev-001.wav").path

    @Test func aLinePlayedIntoTheSinkArrivesOnItsMonitor() async throws {
        #expect(FileManager.default.fileExists(atPath: Self.line), "\(Self.line) missing: the eval set lives in ../shared")
        let expected = try AudioFile.decode(path: Self.line)
        let server = try PulseServer()
        defer { server.stop() }
        // Long enough for the line and the player's start-up.
        let frames = expected.count + 3 * 16_000
        let source = PulseSource(device: PulseSource.defaultMonitor, server: server.address, chunkFrames: 1600,
                                 bufferedChunks: 1000, maxFrames: frames)
        try source.check()
        #expect(source.description == "monitor")
        var got: [Float] = []
        var player: Process?
        for try await chunk in source.chunks() {
            #expect(chunk.startSample == got.count)
            got += chunk.samples
            // Start playing once capture runs, so the whole line is heard.
            if player == nil { player = try server.play(Self.line) }
        }
        player?.waitUntilExit()
        #expect(got.count == frames)
        #expect(source.droppedChunks == 0)
        // The line is there, whole and in time: its 20 ms loudness envelope matches the file's at
        // some delay, and the samples themselves at that delay (two resamplings: 16 -> 48 -> 16 kHz).
        let match = Played.bestMatch(of: expected, in: got)
        #expect(match.envelope > 0.95, "envelope correlation \(match.envelope) at \(match.offset)")
        #expect(match.samples > 0.9, "sample correlation \(match.samples) at \(match.offset)")
    }

    @Test func aNamedSourceIsCapturedAndAMissingOneIsOneLine() throws {
        let server = try PulseServer()
        defer { server.stop() }
        try PulseSource(device: "call.monitor", server: server.address).check()
        let missing = PulseSource(device: "no-such-source", server: server.address)
        #expect(missing.description == "pulse:no-such-source")
        #expect(throws: CaptureError.deviceUnavailable(device: "pulse:no-such-source",
                                                       reason: "no such source (`mockpilot devices` lists them)")) {
            try missing.check()
        }
    }

    @Test func noServerIsOneClearLine() throws {
        let nowhere = "unix:" + FileManager.default.temporaryDirectory.appendingPathComponent("no-pulse-\(getpid())/native").path
        let source = PulseSource(device: PulseSource.defaultMonitor, server: nowhere)
        do {
            try source.check()
            Issue.record("connected to a server that does not exist")
        } catch {
            let line = error.localizedDescription
            #expect(line == "audio device monitor: no PulseAudio or PipeWire server at \(nowhere) (is one running? PULSE_SERVER names another)")
            #expect(!line.contains("\n"))
        }
    }

    @Test func devicesListTheMonitorAsTheDefault() throws {
        let server = try PulseServer(extraSinks: ["speakers"])
        defer { server.stop() }
        let sources = try PulseDevices.list(server: server.address)
        let call = sources.first { $0.name == "call.monitor" }
        #expect(call?.isMonitor == true)
        #expect(call?.isDefault == true)
        #expect(sources.first { $0.name == "speakers.monitor" }?.isDefault == false)
        #expect(throws: CaptureError.self) { try PulseDevices.list(server: "unix:/nonexistent/native", timeout: 2) }
    }
}

/// Comparing a captured signal with the one that was played.
enum Played {
    /// Where `needle` best lines up inside `haystack` (in samples), and the normalised correlation
    /// there of their 20 ms energy envelopes and of the samples.
    static func bestMatch(of needle: [Float], in haystack: [Float]) -> (offset: Int, envelope: Double, samples: Double) {
        let frame = 320
        let a = envelope(needle, frame: frame), b = envelope(haystack, frame: frame)
        var bestLag = 0, bestEnvelope = -1.0
        for lag in 0...max(0, b.count - a.count) {
            let c = correlation(a, Array(b[lag..<min(b.count, lag + a.count)]))
            if c > bestEnvelope { (bestLag, bestEnvelope) = (lag, c) }
        }
        // Refine to the sample within a frame either side, on the needle's middle second.
        let middle = max(0, needle.count / 2 - 8000)..<min(needle.count, needle.count / 2 + 8000)
        let part = Array(needle[middle])
        var bestOffset = bestLag * frame, bestSamples = -1.0
        for offset in max(0, bestLag * frame - frame)...(bestLag * frame + frame) where offset + needle.count <= haystack.count {
            let c = correlation(part, Array(haystack[offset + middle.lowerBound..<offset + middle.upperBound]))
            if c > bestSamples { (bestOffset, bestSamples) = (offset, c) }
        }
        return (bestOffset, bestEnvelope, bestSamples)
    }

    static func envelope(_ x: [Float], frame: Int) -> [Float] {
        stride(from: 0, to: x.count - frame + 1, by: frame).map { sqrt(EchoGate.energy(x[$0..<$0 + frame])) }
    }

    static func correlation(_ x: [Float], _ y: [Float]) -> Double {
        let n = min(x.count, y.count)
        guard n > 0 else { return 0 }
        var xy = 0.0, xx = 0.0, yy = 0.0
        for i in 0..<n {
            xy += Double(x[i]) * Double(y[i])
            xx += Double(x[i]) * Double(x[i])
            yy += Double(y[i]) * Double(y[i])
        }
        return xx > 0 && yy > 0 ? xy / (xx * yy).squareRoot() : 0
    }
}
