import Foundation
import TestSupport
import Testing

/// One real recorded meeting from `../shared/eval/real-talk` through the binary as a new user
/// would replay it: default settings, a fresh data folder with the installed models. Most of its
/// talk is about the buttons, chips and case of a physical TV remote; none of it asks for a screen
/// element, so components made from it are false alarms (issue 14: at most 0.5 an hour).
@Suite struct RealTalkRunTests {
    static let meeting = "ami-ES2013d"
    /// Cues this near a labelled cue count as on an ask (the corpus's own scoring window).
    static let window = 2

    /// Cue number of each timing line ("u<N>": N is the line number of the timing line).
    func cueNumbers(vtt: String) -> [String: Int] {
        let lines = vtt.components(separatedBy: "\n")
        var cues: [String: Int] = [:]
        for (i, line) in lines.enumerated() where i > 0 && line.contains("-->") {
            if let n = Int(lines[i - 1].trimmingCharacters(in: .whitespaces)) { cues["u\(i + 1)"] = n }
        }
        return cues
    }

    @Test func aRemoteControlDesignMeetingMakesNoComponentsFromTalkThatAskedForNone() throws {
        let corpus = Repository.shared.appendingPathComponent("eval/real-talk")
        let vtt = corpus.appendingPathComponent("\(Self.meeting).vtt")
        let text = try #require(try? String(contentsOf: vtt, encoding: .utf8), "\(vtt.path) missing: ../shared/eval/real-talk is the project's shared eval data")
        let asks = try String(contentsOf: corpus.appendingPathComponent("\(Self.meeting).asks.jsonl"), encoding: .utf8)
        let labelled = asks.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["cue"] as? Int
        }
        let models = URL(fileURLWithPath: ModelPaths.folder)
        #expect(FileManager.default.fileExists(atPath: models.appendingPathComponent("all-MiniLM-L6-v2").path),
                "all-MiniLM-L6-v2 is not installed in \(models.path): run `make models`")

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-realtalk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data/mockpilot")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("cfg"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: data.appendingPathComponent("models"), withDestinationURL: models)
        let result = try Binary.run(["run", "--transcript", vtt.path, "--no-tui", "--out", dir.path + "/out"],
                                    environment: ["XDG_DATA_HOME": dir.path + "/data", "XDG_CONFIG_HOME": dir.path + "/cfg",
                                                  "MOCKPILOT_INTENT_HEAD": ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("intents from rules alone"), "the head was not used: \(result.stderr)")

        // Each component's first version and the cues it came from.
        let cues = cueNumbers(vtt: text)
        var first: [String: (kind: String, cues: [Int])] = [:]
        for line in result.stdout.split(separator: "\n") {
            guard let event = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  event["type"] as? String == "spec", let spec = event["spec"] as? [String: Any],
                  let id = spec["spec_id"] as? String, id.hasSuffix(".v1") else { continue }
            let ids = spec["utterance_ids"] as? [String] ?? []
            first[String(id.dropLast(3))] = (spec["component"] as? String ?? "?", ids.compactMap { cues[$0] })
        }
        let falseAlarms = first.filter { _, v in
            !v.cues.contains { cue in labelled.contains { abs($0 - cue) <= Self.window } }
        }
        let lastEnd = text.components(separatedBy: "\n").last { $0.contains("-->") } ?? ""
        let hours = seconds(lastEnd.components(separatedBy: "--> ").last ?? "") / 3600
        let allowed = Int((0.5 * hours).rounded(.down))
        #expect(hours > 0.5, "could not read the meeting's length")
        #expect(falseAlarms.count <= allowed,
                "\(falseAlarms.count) components from talk that asked for none in \(String(format: "%.1f", hours * 60)) min (goal <= 0.5 an hour): \(falseAlarms.map { "\($0.key) from cues \($0.value.cues)" }.sorted())")
    }

    func seconds(_ stamp: String) -> Double {
        let parts = stamp.trimmingCharacters(in: .whitespaces).split(separator: ":").compactMap { Double($0) }
        guard parts.count == 3 else { return 0 }
        return parts[0] * 3600 + parts[1] * 60 + parts[2]
    }
}
