import Foundation
import TestSupport
import Testing

/// `run` with a source configured gathers posts about the component on its own, beside the
/// meeting: the insight arrives with posts, and a slow source never holds up the transcript.
@Suite(.serialized) struct RunInsightsTests {
    static let meeting = """
        WEBVTT

        00:00:01.000 --> 00:00:04.000
        <v Ana>Let's build a pill-shaped pay button like Stripe's.

        00:00:05.000 --> 00:00:07.000
        <v Bo>Sounds good, and the footer can wait.
        """

    func events(_ stdout: String) -> [[String: Any]] {
        stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func run(subreddits: String, server: FakeServer, home: InsightFixture) throws -> Binary.Result {
        try home.write(config: """
            [insights]
            reddit_client_id = "test-id"
            reddit_client_secret = "test-secret"
            subreddits = [\(subreddits)]
            """)
        let vtt = try home.write(Self.meeting, to: "m.vtt")
        return try Binary.run(["run", "--transcript", vtt, "--no-tui", "--config", home.config, "--out", home.dir.path + "/out",
                               "--db", home.db], environment: home.environment(server: server))
    }

    @Test func aRunWithCredentialsGathersPostsForTheInsight() throws {
        let server = try FakeServer()
        let home = try InsightFixture()
        defer { home.remove() }
        let result = try run(subreddits: #""web_design""#, server: server, home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let insights = events(result.stdout).filter { $0["type"] as? String == "insight" }.compactMap { $0["insight"] as? [String: Any] }
        let last = try #require(insights.last, "\(result.stdout)")
        #expect((last["count"] as? Int ?? 0) >= 1, "\(last)")
        #expect((last["quotes"] as? [Any])?.isEmpty == false)
        let query = try #require(last["query"] as? String)
        #expect(query.contains("button"))
        #expect(try server.stats()["GET /r/web_design/search \(query)"] == 1)
        #expect(try home.postCount("community = 'r/web_design'") == 5)
    }

    @Test func aStalledSourceDoesNotHoldUpTheTranscript() throws {
        let server = try FakeServer(stall: 5)
        let home = try InsightFixture()
        defer { home.remove() }
        let result = try run(subreddits: #""stall""#, server: server, home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let all = events(result.stdout)
        let secondLine = all.firstIndex {
            (($0["utterance"] as? [String: Any])?["msg"] as? [String: Any])?["text"] as? String == "Sounds good, and the footer can wait."
        }
        let withPosts = all.firstIndex { ($0["insight"] as? [String: Any])?["count"] as? Int ?? 0 > 0 }
        let component = all.firstIndex { $0["type"] as? String == "component" }
        #expect(secondLine != nil && withPosts != nil && component != nil, "\(result.stdout)")
        if let secondLine, let withPosts, let component {
            #expect(component < withPosts)
            #expect(secondLine < withPosts, "the line after the component came out while the source was stalled")
        }
    }

    @Test func withoutASourceTheInsightSaysWhyItIsEmpty() throws {
        let home = try InsightFixture()
        defer { home.remove() }
        let vtt = try home.write(Self.meeting, to: "m.vtt")
        let result = try Binary.run(["run", "--transcript", vtt, "--no-tui", "--out", home.dir.path + "/out", "--db", home.db],
                                    environment: home.environment())
        #expect(result.status == 0, "\(result.stderr)")
        let insights = events(result.stdout).compactMap { $0["insight"] as? [String: Any] }
        #expect(!insights.isEmpty, "\(result.stdout)")
        for insight in insights {
            #expect(insight["count"] as? Int == 0)
            #expect((insight["empty"] as? [String: Any])?["noSource"] != nil, "\(insight)")
        }
    }

    /// `--db meeting.sqlite`, relative to where the user stands: the post store opens beside the
    /// session store instead of turning insights off.
    @Test func aRelativeDatabasePathKeepsInsightsOn() throws {
        let home = try InsightFixture()
        defer { home.remove() }
        let vtt = try home.write(Self.meeting, to: "m.vtt")
        let result = try Binary.run(["run", "--transcript", vtt, "--no-tui", "--out", "out", "--db", "here.sqlite"],
                                    environment: home.environment(), directory: home.dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("insights off"), "\(result.stdout)")
        let insights = events(result.stdout).compactMap { $0["insight"] as? [String: Any] }
        #expect(!insights.isEmpty && insights.allSatisfy { ($0["empty"] as? [String: Any])?["noSource"] != nil }, "\(insights)")
        #expect(FileManager.default.fileExists(atPath: home.dir.path + "/here.sqlite"))
    }

    @Test func aConfiguredSourceWithNothingToSaySaysSo() throws {
        let server = try FakeServer()
        let home = try InsightFixture()
        defer { home.remove() }
        // r/empty answers with no posts at all.
        let result = try run(subreddits: #""empty""#, server: server, home: home)
        #expect(result.status == 0, "\(result.stderr)")
        let last = try #require(events(result.stdout).compactMap { $0["insight"] as? [String: Any] }.last, "\(result.stdout)")
        #expect(last["count"] as? Int == 0)
        let empty = try #require(last["empty"] as? [String: Any])
        #expect((empty["nothingFound"] as? [String: Any])?["sources"] as? [String] == ["reddit"], "\(empty)")
    }

    @Test func withoutTheModelsTheInsightSaysWhichIsMissing() throws {
        let home = try InsightFixture()
        defer { home.remove() }
        try FileManager.default.removeItem(atPath: home.dir.path + "/data/models")
        let vtt = try home.write(Self.meeting, to: "m.vtt")
        let result = try Binary.run(["run", "--transcript", vtt, "--no-tui", "--out", home.dir.path + "/out", "--db", home.db],
                                    environment: home.environment())
        #expect(result.status == 0, "\(result.stderr)")
        let first = try #require(events(result.stdout).compactMap { $0["insight"] as? [String: Any] }.first, "\(result.stdout)")
        let off = try #require((first["empty"] as? [String: Any])?["off"] as? [String: Any], "\(first)")
        #expect(off["missing"] as? String == "all-MiniLM-L6-v2")
    }
}
