import Foundation
import TestSupport
import Testing

/// `mockpilot mine` given numbers and addresses it must not take: one line on stderr and a
/// non-zero exit, at once, never a trap (a trap dies by SIGILL/SIGTRAP with a stack dump).
@Suite(.serialized) struct MineHostileInputTests {
    /// 99999999999999999999 days overflowed the sleep after the first round (the binary died of
    /// SIGILL once a dump was stored); inf and nan are numbers to `Double(_:)` too.
    @Test(arguments: ["99999999999999999999d", "366d", "infd", "nanh", "1e400s", "0s", "5", "6x"])
    func anIntervalOutOfRangeIsOneLineAndAFailure(every: String) throws {
        let home = try InsightFixture()
        defer { home.remove() }
        let dump = try home.write(#"{"id": "a1", "title": "pill button", "selftext": "love it", "created_utc": 1732000000, "subreddit": "web_design"}"# + "\n",
                                  to: "dump.jsonl")
        let result = try Binary.run(["mine", "pill button", "--source", dump, "--every", every, "--db", home.db],
                                    environment: home.environment(), timeout: 120)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr == "mockpilot: --every \(every): use a number above 0 with s, m, h or d, at most 365d, e.g. 6h\n")
        #expect(result.stdout.isEmpty)
    }

    /// The client secret never goes over plain http to another machine. 192.0.2.1 (TEST-NET-1)
    /// never answers, so an attempt to connect would hang for the connect timeout.
    @Test func redditAuthOverPlainHTTPElsewhereIsRefusedAtOnce() throws {
        let home = try InsightFixture()
        defer { home.remove() }
        let started = Date()
        let result = try Binary.run(["mine", "pill button", "--every", "1h", "--db", home.db],
                                    environment: home.environment(["REDDIT_CLIENT_ID": "test-id", "REDDIT_CLIENT_SECRET": "test-secret",
                                                                   "MOCKPILOT_REDDIT_AUTH": "HTTP://192.0.2.1"]),
                                    timeout: 60)
        #expect(Date().timeIntervalSince(started) < 8, "refused before any connection, not after a timeout")
        #expect(result.status == 1)
        #expect(result.stderr == "mockpilot: Reddit needs an https:// address so its credentials are not sent unencrypted (http:// is only accepted for localhost), got http://192.0.2.1 (MOCKPILOT_REDDIT_AUTH)\n")
    }
}
