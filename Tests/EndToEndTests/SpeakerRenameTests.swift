import Foundation
import Testing

/// Speakers of a real `run` in a real terminal: `n` renames one, the screen shows the name on the
/// lines that follow, and the session database, `export` and `sessions` keep it.
@Suite(.serialized) struct SpeakerRenameTests {
    /// Played at the recorded pace: two speakers greet, then a long pause (time to rename
    /// "Speaker 1"), then "Speaker 1" asks for a component and the call answers.
    static let meeting = """
    WEBVTT

    00:00:01.000 --> 00:00:02.000
    <v Call>Morning, can everyone hear me?</v>

    00:00:03.000 --> 00:00:04.000
    <v Speaker 1>Yes, loud and clear.</v>

    00:00:16.000 --> 00:00:18.000
    <v Speaker 1>Let's build a pill-shaped pay button like Stripe's.</v>

    00:00:19.000 --> 00:00:20.000
    <v Call>Looks good to me.</v>
    """

    static func rows(_ screen: String) -> [String] { screen.components(separatedBy: "\n") }

    /// The 256-colour foreground in effect where `text` starts, on the row of a `capture-pane -e`
    /// screen that holds `marker` (colour codes sit between the name and what was said).
    static func foreground(of text: String, onRowWith marker: String, in coloured: String) -> String? {
        guard let row = rows(coloured).first(where: { $0.contains(marker) }), let range = row.range(of: text) else { return nil }
        return row[..<range.lowerBound].matches(of: /38;5;(\d+)/).last.map { String($0.output.1) }
    }

    @Test func nRenamesASpeakerAndLaterLinesExportAndSessionsUseTheName() throws {
        let session = try TmuxSession(arguments: ["run", "--transcript", "meeting.vtt", "--realtime", "--out", "out",
                                                  "--db", "db.sqlite"],
                                      logCommands: false, files: ["meeting.vtt": Self.meeting])
        // The transcript pane is 34 columns wide at 120: longer lines wrap.
        var screen = try session.waitFor(text: "00:03 Speaker 1: Yes, loud and")
        #expect(screen.contains("00:01 Call: Morning, can everyone"))

        // n: the prompt asks about the newest line's speaker, in place of the key hints.
        try session.press("n")
        screen = try session.waitFor("the rename prompt") { Self.rows($0)[39].contains("Rename Speaker 1: ▏") }
        #expect(Self.rows(screen)[39].contains("enter confirms · esc cancels"))
        try session.press("A", "n", "a")
        try session.waitFor("the typed name") { Self.rows($0)[39].contains("Rename Speaker 1: Ana▏") }
        try session.press("Enter")
        screen = try session.waitFor(text: "00:03 Ana: Yes, loud and clear.")
        #expect(screen.contains("Speaker 1 is now called Ana"), "the meeting confirms it: \(screen)")
        #expect(Self.rows(screen)[39].contains("g generate"), "the key hints are back")

        // The lines that follow: Ana under her new name, the call under its own, each in its colour.
        screen = try session.waitFor(text: "00:19 Call: Looks good to me.", timeout: 40)
        #expect(screen.contains("00:16 Ana: Let's build a"), "\(screen)")
        #expect(!screen.contains("Speaker 1:"))
        let coloured = try session.screen(colors: true)
        let ana = Self.foreground(of: "Ana:", onRowWith: "00:16", in: coloured)
        let call = Self.foreground(of: "Call:", onRowWith: "00:19", in: coloured)
        #expect(ana == "80" && call == "179", "the dark theme's second and first speaker colours: \(String(describing: ana)), \(String(describing: call))")

        try session.press("q")
        try session.waitFor(text: "MP-EXITED-0", timeout: 30)

        // The database keeps the label on each line and the name beside it; intents carry the name.
        let db = try SQLiteFile(session.folder.path + "/db.sqlite")
        let sessionID = try #require(try db.column("SELECT id FROM sessions").first)
        #expect(try db.rows("SELECT label, name FROM speakers") == [["label": "Speaker 1", "name": "Ana"]])
        #expect(try db.count("utterances", where: "speaker = 'Speaker 1'") == 2)
        let intents = try db.column("SELECT json FROM intents")
        #expect(intents.contains { $0.contains("pay") && $0.contains("\"speaker\":\"Ana\"") }, "\(intents)")

        // export: the Markdown transcript names Ana on each of her lines.
        let export = try Binary.run(["export", sessionID, "--to", "exported", "--db", "db.sqlite"], directory: session.folder)
        #expect(export.status == 0, "\(export.stderr)")
        let markdown = try String(contentsOfFile: session.folder.path + "/exported/transcript.md", encoding: .utf8)
        #expect(markdown.contains("**Call** (0:01): Morning, can everyone hear me?"), "\(markdown)")
        #expect(markdown.contains("**Ana** (0:03): Yes, loud and clear."), "\(markdown)")
        #expect(markdown.contains("**Ana** (0:16): Let's build a pill-shaped pay button like Stripe's."), "\(markdown)")
        #expect(!markdown.contains("Speaker 1"))

        // sessions: who spoke, by name.
        let sessions = try Binary.run(["sessions", "--db", "db.sqlite"], directory: session.folder)
        #expect(sessions.status == 0, "\(sessions.stderr)")
        let listed = try #require(sessions.stdout.split(separator: "\n").first { $0.hasPrefix(sessionID) })
        #expect(listed.hasSuffix("Call, Ana"), "\(sessions.stdout)")
        #expect(sessions.stdout.split(separator: "\n").first?.hasSuffix("SPEAKERS") == true)
    }

    /// A transcript replayed at full speed has ended before anyone can press a key: the screen
    /// still shows a rename made then, and the export has it.
    @Test func aRenameAfterTheMeetingEndedStillShows() throws {
        let session = try TmuxSession(arguments: ["run", "--transcript", "meeting.vtt", "--out", "out", "--db", "db.sqlite"],
                                      logCommands: false, files: ["meeting.vtt": Self.meeting])
        try session.waitFor(text: "■ FINISHED", timeout: 30)
        try session.press("n")
        try session.waitFor("the rename prompt") { Self.rows($0)[39].contains("Rename Call: ▏") }
        try session.press("B", "e", "n", "Enter")
        let screen = try session.waitFor(text: "00:19 Ben: Looks good to me.")
        #expect(screen.contains("00:01 Ben: Morning, can everyone"), "\(screen)")
        #expect(screen.contains("Call is now called Ben"), "\(screen)")
        #expect(screen.contains("00:16 Speaker 1: Let's build a"), "\(screen)")
        try session.press("q")
        try session.waitFor(text: "MP-EXITED-0", timeout: 30)
        let db = try SQLiteFile(session.folder.path + "/db.sqlite")
        #expect(try db.rows("SELECT label, name FROM speakers") == [["label": "Call", "name": "Ben"]])
    }

    /// `run --no-tui`: every intent says who asked, from the line it was read in.
    @Test func jsonLinesIntentsCarryTheSpeaker() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-speakers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.meeting.write(to: dir.appendingPathComponent("meeting.vtt"), atomically: true, encoding: .utf8)
        let run = try Binary.run(["run", "--transcript", "meeting.vtt", "--no-tui", "--out", "out", "--db", "db.sqlite"],
                                 directory: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let intents = run.stdout.split(separator: "\n").filter { $0.contains("\"type\":\"intent\"") }
        #expect(!intents.isEmpty, "\(run.stdout)")
        for line in intents { #expect(line.contains("\"speaker\":\"Speaker 1\""), "\(line)") }
        let transcripts = run.stdout.split(separator: "\n").filter { $0.contains("\"type\":\"transcript\"") }
        #expect(transcripts.count == 4)
        #expect(transcripts.allSatisfy { $0.contains("\"speaker\":\"Speaker 1\"") || $0.contains("\"speaker\":\"Call\"") })
    }
}
