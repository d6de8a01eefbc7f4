import Foundation
import Testing
import TestSupport
@testable import Server

/// `/metrics` before and after a real `/stream` meeting (Whisper tiny.en, the Python client): the
/// end-of-speech→final and trigger→file histograms count the line's final and its component, and
/// the components-written counter moves with them.
@Suite(.serialized) struct StreamMetricsTests {
    /// The value of the unlabelled sample `name` in Prometheus text, nil when it is not there.
    static func sample(_ name: String, in text: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    @Test func aStreamedLineMovesTheLatencyHistograms() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stream-metrics-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let line = try #require(try StreamClient.spokenLines().first { $0.wav.hasSuffix("dev-001.wav") })
        try await RunningServer.with(stages: try StreamClient.stages(writingInto: directory)) { server in
            let before = try await server.send("GET", "/metrics", token: nil).text
            #expect(Self.sample("mockpilot_end_of_speech_to_final_seconds_count", in: before) == 0, "\(before)")
            #expect(Self.sample("mockpilot_trigger_to_file_seconds_count", in: before) == 0)
            #expect(Self.sample("mockpilot_components_generated_total", in: before) == 0)

            let run = try await StreamClient.run(server, wavs: [line.wav], options: ["--pace", "realtime"])
            #expect(run.received.last?["type"] as? String == "finished")
            let finals = run.frames("final").count
            let components = run.events("component").count
            #expect(finals >= 1 && components >= 1, "\(run.received.map { $0["type"] ?? "" })")

            let after = try await server.send("GET", "/metrics", token: nil).text
            #expect(Self.sample("mockpilot_end_of_speech_to_final_seconds_count", in: after) == Double(finals), "\(after)")
            #expect(Self.sample("mockpilot_trigger_to_file_seconds_count", in: after) == Double(components))
            #expect(Self.sample("mockpilot_components_generated_total", in: after) == Double(components))
            // A final cannot come before its speech ended, nor (for one short line in real time) a minute after.
            let total = try #require(Self.sample("mockpilot_end_of_speech_to_final_seconds_sum", in: after))
            #expect(total > 0 && total < 60 * Double(finals), "\(total)")
            #expect(Self.sample("mockpilot_streams_opened_total", in: after) == 1)
        }
    }
}
