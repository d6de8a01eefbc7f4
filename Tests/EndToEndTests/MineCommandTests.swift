import Foundation
import TestSupport
import Testing

/// `mockpilot mine` as a user runs it: credentials from the config or the environment, posts in
/// the SQLite file afterwards, one line on stderr when something goes wrong.
@Suite(.serialized) struct MineCommandTests {
    static let redditConfig = """
        [insights]
        reddit_client_id = "test-id"
        reddit_client_secret = "%@"
        subreddits = ["web_design", "Frontend"]
        """

    func reddit(secret: String) -> String { Self.redditConfig.replacingOccurrences(of: "%@", with: secret) }

    @Test func configCredentialsAreReadAndTheConfiguredSubredditsSearched() throws {
        let server = try FakeServer()
        let home = try InsightFixture()
        defer { home.remove() }
        try home.write(config: reddit(secret: "test-secret"))
        let result = try Binary.run(["mine", "pill button", "--config", home.config, "--db", home.db],
                                    environment: home.environment(server: server))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try home.postCount() == 10)
        #expect(try home.postCount("community = 'r/web_design'") == 5)
        let stats = try server.stats()
        #expect(stats["GET /r/web_design/search pill button"] == 1)
        #expect(stats["GET /r/Frontend/search pill button"] == 1)
        #expect(stats["GET /search pill button"] == nil, "no --subreddit means the configured ones, not all of Reddit")
    }

    @Test func theUserAgentIsRedditsRecommendedFormWithTheConfiguredUsername() throws {
        let server = try FakeServer()
        let home = try InsightFixture()
        defer { home.remove() }
        try home.write(config: reddit(secret: "test-secret") + "\nreddit_username = \"ana_designs\"\n")
        let result = try Binary.run(["mine", "pill button", "--subreddit", "all", "--config", home.config, "--db", home.db],
                                    environment: home.environment(server: server))
        #expect(result.status == 0, "\(result.stderr)")
        let agents = try server.stats().keys.filter { $0.hasPrefix("UA ") }
        #expect(agents == ["UA linux:mockpilot:0.1.0 (by /u/ana_designs)"])
    }

    @Test func theEnvironmentOverridesTheConfig() throws {
        let server = try FakeServer()
        let home = try InsightFixture()
        defer { home.remove() }
        try home.write(config: reddit(secret: "wrong"))
        let fixed = try Binary.run(["mine", "pill button", "--config", home.config, "--db", home.db, "--subreddit", "all"],
                                   environment: home.environment(server: server, ["REDDIT_CLIENT_SECRET": "test-secret"]))
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(try home.postCount() == 5)
        #expect(try server.stats()["GET /search pill button"] == 1)

        try home.write(config: reddit(secret: "test-secret"))
        let broken = try Binary.run(["mine", "pill button", "--config", home.config, "--db", home.db],
                                    environment: home.environment(server: server, ["REDDIT_CLIENT_SECRET": "wrong"]))
        #expect(broken.status != 0)
        #expect(broken.stderr == "mockpilot: Reddit rejected the credentials (HTTP 401); check REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET (an app at reddit.com/prefs/apps)\n")
    }

    @Test func instagramAccountFromTheConfigOrINSTAGRAM_USER_ID() throws {
        let server = try FakeServer()
        let home = try InsightFixture()
        defer { home.remove() }
        try home.write(config: "[insights]\ninstagram_token = \"ig-token\"\ninstagram_account_id = \"1784\"\n")
        let configured = try Binary.run(["mine", "gradient", "--source", "instagram", "--config", home.config, "--db", home.db],
                                        environment: home.environment(server: server))
        #expect(configured.status == 0, "\(configured.stderr)")
        #expect(try home.postCount("source = 'instagram'") == 6)

        try home.write(config: "[insights]\ninstagram_token = \"ig-token\"\n")
        let fromEnvironment = try Binary.run(["mine", "button", "--source", "instagram", "--config", home.config, "--db", home.db],
                                             environment: home.environment(server: server, ["INSTAGRAM_USER_ID": "1784"]))
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
        #expect(try home.query("SELECT COUNT(DISTINCT community) FROM insight_post") == "2")
    }

    @Test func aFailedSecondPageKeepsTheFirstAndSaysSoInOneLine() throws {
        let server = try FakeServer()
        let home = try InsightFixture()
        defer { home.remove() }
        try home.write(config: reddit(secret: "test-secret"))
        let result = try Binary.run(["mine", "page2fail", "--subreddit", "all", "--config", home.config, "--db", home.db],
                                    environment: home.environment(server: server))
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(lines.first?.hasPrefix("mockpilot: Reddit still failing after 4 attempts: HTTP 500 from ") == true, "\(result.stderr)")
        #expect(lines.first?.hasSuffix("(the 2 posts fetched before it are stored)") == true, "\(result.stderr)")
        #expect(try home.postCount() == 2)
        #expect(try home.query("SELECT group_concat(status) FROM insight_raw_response ORDER BY id") == "200,500")
    }

    @Test func aRateLimitedSecondHashtagKeepsTheFirst() throws {
        let server = try FakeServer()
        let home = try InsightFixture()
        defer { home.remove() }
        try home.write(config: "[insights]\ninstagram_token = \"ig-token\"\ninstagram_account_id = \"1784\"\n")
        let result = try Binary.run(["mine", "x", "--source", "instagram", "--hashtag", "uidesign", "--hashtag", "ratelimited",
                                     "--config", home.config, "--db", home.db], environment: home.environment(server: server))
        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("HTTP 429"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("(the 6 posts fetched before it are stored)\n"), "\(result.stderr)")
        #expect(try home.postCount("community = '#uidesign'") == 6)
    }

    /// `--every`: a round that fails is one warning, the next round still runs, and only a
    /// signal ends it. Waits are polls with a deadline, not timings.
    @Test func everyKeepsGoingAfterAFailedRoundUntilInterrupted() throws {
        let server = try FakeServer()
        let home = try InsightFixture()
        defer { home.remove() }
        try home.write(config: reddit(secret: "test-secret"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["mine", "failonce", "--subreddit", "all", "--every", "1s", "--config", home.config, "--db", home.db]
        process.environment = ProcessInfo.processInfo.environment.merging(home.environment(server: server)) { _, new in new }
        let errPath = home.dir.path + "/stderr"
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        func stderr() -> String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }
        let deadline = Date().addingTimeInterval(90)
        while !stderr().contains("round 3:"), process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        #expect(process.isRunning, "a failed round must not end the command: \(stderr())")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let lines = stderr().split(separator: "\n").map(String.init)
        #expect(process.terminationStatus == 130, "\(lines)")
        #expect(lines.first?.hasPrefix("mockpilot: round 1 failed: Reddit sent a response we cannot read from ") == true, "\(lines)")
        #expect(lines.first?.contains("; next round at ") == true)
        #expect(lines.contains("mockpilot: round 2: 5 fetched, 5 new, 0 already stored"), "\(lines)")
        #expect(lines.contains("mockpilot: round 3: 5 fetched, 0 new, 5 already stored"), "\(lines)")
        #expect(lines.last == "mockpilot: stopped")
        #expect(try home.postCount() == 5)
    }

    @Test func dumpProgressOnlyWhenAskedForOffATerminal() throws {
        let home = try InsightFixture()
        defer { home.remove() }
        let lines = (0..<300).map { #"{"id":"p\#($0)","subreddit":"web_design","title":"Pill button number \#($0)","created_utc":1700000000}"# }
        let dump = try home.write(lines.joined(separator: "\n") + "\n", to: "dump.jsonl")
        let quiet = try Binary.run(["mine", "x", "--source", dump, "--db", home.db], environment: home.environment())
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stdout.isEmpty)
        #expect(quiet.stderr == "mockpilot: 300 fetched, 300 new, 0 already stored\n")
        let shown = try Binary.run(["mine", "x", "--source", dump, "--db", home.db, "--progress"], environment: home.environment())
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.isEmpty)
        let kB = try #require(try FileManager.default.attributesOfItem(atPath: dump)[.size] as? NSNumber).intValue / 1000
        #expect(shown.stderr.hasPrefix("\r["), "\(shown.stderr.debugDescription)")
        #expect(shown.stderr.contains(", 256 posts\r["), "a redraw after the first batch: \(shown.stderr.debugDescription)")
        #expect(shown.stderr.contains("\r[\(String(repeating: "#", count: 30))] \(kB) kB/\(kB) kB, 300 posts\n"),
                "\(shown.stderr.debugDescription)")
        #expect(!quiet.stderr.contains("\r"))
        #expect(shown.stderr.hasSuffix("mockpilot: 300 fetched, 0 new, 300 already stored\n"))
        #expect(try home.postCount() == 300)
    }

    @Test func noCredentialsSaysWhereToPutThem() throws {
        let home = try InsightFixture()
        defer { home.remove() }
        let result = try Binary.run(["mine", "pill button", "--db", home.db], environment: home.environment())
        #expect(result.status != 0)
        #expect(result.stderr == "mockpilot: Reddit needs credentials: set REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET, or insights.reddit_client_id and insights.reddit_client_secret in the config\n")
    }
}
