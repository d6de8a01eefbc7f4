import Foundation
import Testing

/// `run` with posts in the store and an `on_insight` hook: the hook reads the insight about the
/// component being discussed, and what it did is shown.
@Suite struct InsightHookRunTests {
    static let posts = [
        #"{"id": "p1", "subreddit": "web_design", "author": "ana", "title": "Pill buttons", "selftext": "I love a pill-shaped pay button, it looks so clean.", "created_utc": 1760000000, "score": 12}"#,
        #"{"id": "p2", "subreddit": "Frontend", "author": "bo", "title": "Checkout", "selftext": "Honestly the gradient pay button feels cheap and hard to read.", "created_utc": 1760000100, "score": 3}"#,
        #"{"id": "p3", "subreddit": "UXDesign", "author": "cy", "title": "Stripe", "selftext": "Stripe's checkout button is the best I have used.", "created_utc": 1760000200, "score": 40}"#,
    ]

    func meeting(hook: String) throws -> (Binary.Result, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-hook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try (Self.posts.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("dump.jsonl"), atomically: true, encoding: .utf8)
        let db = dir.path + "/db.sqlite"
        let mined = try Binary.run(["mine", "pay button", "--source", dir.path + "/dump.jsonl", "--db", db])
        #expect(mined.status == 0, "\(mined.stderr)")
        let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ana>Let's build a pill-shaped pay button like Stripe's.</v>\n"
        try vtt.write(to: dir.appendingPathComponent("m.vtt"), atomically: true, encoding: .utf8)
        let result = try Binary.run(
            ["run", "--transcript", dir.path + "/m.vtt", "--no-tui", "--out", dir.path + "/out", "--db", db],
            environment: ["MOCKPILOT_HOOKS_ON_INSIGHT": hook])
        return (result, dir)
    }

    func messages(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["message"] as? String
        }
    }

    @Test func theHookReadsTheInsightAboutTheComponent() throws {
        let dir0 = FileManager.default.temporaryDirectory.appendingPathComponent("mp-hook-out-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: dir0) }
        let (result, dir) = try meeting(hook: "cat > '\(dir0.path)'")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(messages(result.stdout).contains { $0.hasPrefix("on_insight: hook") && $0.contains("passed") },
                "\(messages(result.stdout))")
        let data = try Data(contentsOf: dir0)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["component"] as? String == "button")
        #expect((json["spec_id"] as? String)?.isEmpty == false)
        let insight = try #require(json["insight"] as? [String: Any])
        #expect((insight["count"] as? Int ?? 0) >= 1, "\(insight)")
        #expect((insight["query"] as? String)?.contains("button") == true, "\(insight)")
    }

    @Test func aFailingHookIsShownAndTheMeetingGoesOn() throws {
        let (result, dir) = try meeting(hook: "echo 'quota exceeded' >&2; exit 4")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(messages(result.stdout).contains { $0.contains("on_insight") && $0.contains("exited 4") && $0.contains("quota exceeded") },
                "\(messages(result.stdout))")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/out/src/components")
        #expect(files.contains { $0.hasSuffix(".jsx") })
    }
}
