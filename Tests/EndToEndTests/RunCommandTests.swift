import Foundation
import Testing

@Suite struct RunCommandTests {
    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func events(_ stdout: String) -> [[String: Any]] {
        stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test func aVTTMeetingThroughRunWritesComponentsAndTheDatabase() throws {
        let dir = try tempDir()
        let meeting = Binary.repository.appendingPathComponent("scripts/demo/product-meeting.vtt").path
        let result = try Binary.run(["run", "--transcript", meeting, "--no-tui", "--out", dir.path + "/out",
                                     "--db", dir.path + "/mp.sqlite"])
        #expect(result.status == 0, "\(result.stderr)")
        let all = events(result.stdout)
        let components = all.filter { $0["type"] as? String == "component" }
        #expect(components.count >= 4)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/out/src/components")
        #expect(files.contains("index.js"))
        #expect(files.filter { $0.hasSuffix(".jsx") }.count >= 4)
        #expect(FileManager.default.fileExists(atPath: dir.path + "/out/mockpilot.manifest.json"))
        #expect(result.stderr.contains("written under"))
        #expect(all.last?["type"] as? String == "finished")

        // The database holds the session: `sessions` lists it with its utterances and components.
        let sessions = try Binary.run(["sessions", "--db", dir.path + "/mp.sqlite"])
        #expect(sessions.status == 0)
        #expect(sessions.stdout.contains("product-meeting.vtt"))

        // Export writes components and a Markdown transcript.
        let statuses = all.compactMap { $0["status"] as? [String: Any] }
        let sessionID = try #require(statuses.compactMap { $0["session_id"] as? String }.first)
        let export = try Binary.run(["export", sessionID, "--to", dir.path + "/export", "--db", dir.path + "/mp.sqlite"])
        #expect(export.status == 0, "\(export.stderr)")
        let transcript = try String(contentsOfFile: dir.path + "/export/transcript.md", encoding: .utf8)
        #expect(transcript.contains("pill-shaped pay button"))
    }

    @Test func aBrokenCueIsReportedAndTheRestOfTheMeetingGoesThrough() throws {
        let dir = try tempDir()
        let vtt = """
        WEBVTT

        00:00:01.000 --> nonsense
        lost

        00:00:03.000 --> 00:00:06.000
        <v Ana>Let's build a rounded card with a soft shadow.</v>

        00:00:09.000 --> 00:00:10.000
        <v Ben>Great.</v>
        """
        try vtt.write(to: dir.appendingPathComponent("m.vtt"), atomically: true, encoding: .utf8)
        let result = try Binary.run(["run", "--transcript", dir.path + "/m.vtt", "--no-tui", "--out", dir.path + "/out",
                                     "--db", dir.path + "/mp.sqlite"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("m.vtt:3: malformed cue timing"))
        #expect(events(result.stdout).contains { $0["type"] as? String == "component" })
    }

    @Test func badInputIsOneLineAndNonZero() throws {
        let dir = try tempDir()
        let missing = try Binary.run(["run", "--transcript", dir.path + "/none.vtt", "--no-tui"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("none.vtt: no such file"))

        // An output folder that is a file, not a folder.
        try "x".write(to: dir.appendingPathComponent("file"), atomically: true, encoding: .utf8)
        let meeting = Binary.repository.appendingPathComponent("scripts/demo/product-meeting.vtt").path
        let unwritable = try Binary.run(["run", "--transcript", meeting, "--no-tui", "--out", dir.path + "/file",
                                         "--db", dir.path + "/mp.sqlite"])
        #expect(unwritable.status != 0)
        #expect(unwritable.stderr.split(separator: "\n").count == 1, "\(unwritable.stderr)")

        let badConfig = dir.appendingPathComponent("bad.conf")
        try "[output]\nfolder = 3\n".write(to: badConfig, atomically: true, encoding: .utf8)
        let config = try Binary.run(["run", "--transcript", meeting, "--no-tui", "--config", badConfig.path])
        #expect(config.status != 0)
        #expect(config.stderr.contains("bad.conf:2: output.folder: expected a quoted string"))
    }
}
