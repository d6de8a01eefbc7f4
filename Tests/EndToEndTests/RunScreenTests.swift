import Foundation
import Testing

/// `mockpilot run` on a recorded meeting in a real terminal: the real pipeline on the real screen,
/// driven by keys, checked after every step against the screen and the files on disk.
@Suite(.serialized) struct RunScreenTests {
    /// Played at the recorded pace. The pay button is asked for at once (v1 at 2.5 s) and refined
    /// (v2 when the debounce ends, 7.5 s); the navbar cue comes at 20 s, which leaves the test
    /// twelve seconds to pause first; the meeting ends at 50 s, after the test has quit.
    static let meeting = """
    WEBVTT

    00:00:01.000 --> 00:00:02.500
    <v Maya>Let's build a pill-shaped pay button with a purple-blue gradient like Stripe's.</v>

    00:00:03.000 --> 00:00:04.500
    <v Priya>Make it a bit bigger, and give it a soft glow on hover.</v>

    00:00:05.000 --> 00:00:06.000
    <v Devon>Nice 🚀 and the 価格 page in yen too.</v>

    00:00:18.500 --> 00:00:20.000
    <v Devon>Let's mock up a dark navbar like Linear's.</v>

    00:00:50.000 --> 00:00:51.000
    <v Maya>Great, that's everything for today.</v>
    """

    /// Every key the help overlay must list, with the start of what it says.
    static let helpEntries = [
        ("g", "generate a component now"), ("space", "pause / resume listening"),
        ("tab / shift-tab", "focus the next / previous pane"), ("1 2 3 4", "focus transcript / intents"),
        ("↑ ↓  j k", "scroll the focused pane"), ("PgUp PgDn Home End", "scroll by a page"),
        ("enter", "show the intent's or component's code"), ("[  ]", "older / newer version"),
        ("e", "export every component"), ("n", "rename the speaker"), ("t", "next colour theme"), ("i", "refresh insights"),
        ("mouse click", "focus the pane under the pointer"), ("?  esc", "show / hide this help"), ("q  ctrl-c", "quit"),
    ]

    static func rows(_ screen: String) -> [String] { screen.components(separatedBy: "\n") }

    @Test func aRecordedMeetingOnTheScreenFromStartToQuit() throws {
        let session = try TmuxSession(arguments: ["run", "--transcript", "meeting.vtt", "--realtime", "--out", "out",
                                                  "--db", "db.sqlite"],
                                      logCommands: false, files: ["meeting.vtt": Self.meeting])
        let out = session.folder.appendingPathComponent("out").path

        // 120x40, once the refinement is written: four panes side by side.
        var screen = try session.waitFor(text: "PayButton v2/2", timeout: 30)
        // Pause at once, before the navbar cue arrives; the screen above is still the live one.
        try session.press("Space")
        var rows = Self.rows(screen)
        #expect(session.alternateScreen)
        #expect(rows[0].hasPrefix("┌─ Transcript"))
        #expect(rows[0].contains("┌─ Intents · 2"))
        #expect(rows[0].contains("┌─ PayButton v2/2"))
        #expect(rows[0].contains("┌─ Insights"))
        // Transcript: time, speaker, text; wide characters keep the border in place.
        #expect(screen.contains("│00:01 Maya: Let's build a"))
        #expect(screen.contains("│00:03 Priya: Make it a bit bigger,"))
        #expect(screen.contains("00:05 Devon: Nice 🚀 and the 価格"))
        #expect(rows.prefix(38).allSatisfy { $0.hasPrefix("┌") || $0.hasPrefix("│") || $0.hasPrefix("└") }, "\(screen)")
        // Intents: component, confidence, triggered, and what was heard.
        #expect(screen.contains(/● button \d\d% triggered/), "\(screen)")
        #expect(screen.contains("pill · gradient"))
        #expect(screen.contains(/● refine button \d\d%/))
        #expect(screen.contains("▸ PayButton v2"))
        // The code pane: version, the file it is in, and the code that file holds.
        #expect(screen.contains("PayButton  version 2 (2 of 2)"))
        #expect(screen.contains("/out/src/components/PayButton.jsx│"))
        let file = try String(contentsOfFile: out + "/src/components/PayButton.jsx", encoding: .utf8)
        let firstCodeLine = try #require(file.split(separator: "\n").first { $0.hasPrefix("export") })
        #expect(screen.contains(String(firstCodeLine)), "the screen shows the file's code: \(firstCodeLine)")
        // The status line: live, latency of the last component, queue, source, session, folder.
        let sessionID = try #require(try SQLiteFile(session.folder.path + "/db.sqlite").column("SELECT id FROM sessions").first)
        let status = rows[38]
        #expect(status.contains("● LIVE │ "), "\(status)")
        #expect(status.contains(/latency (\d+ms|\d+\.\d\ds) │ queue 0 │/), "\(status)")
        #expect(status.contains("src meeting.vtt"), "\(status)")
        #expect(status.contains("session \(sessionID)"), "\(status)")
        #expect(status.contains("out \(out)"), "\(status)")
        #expect(rows[39].contains("g generate") && rows[39].contains("? help") && rows[39].contains("q quit"))

        // space: paused, said in the status line.
        screen = try session.waitFor("the paused status line") { Self.rows($0)[38].contains("❚❚ PAUSED") }
        #expect(screen.contains("Paused: not listening"))

        // Larger terminals: still side by side, the whole status line in full (once the pause
        // notice has gone), nothing past the edge.
        for (width, height) in [(200, 60), (300, 100)] {
            try session.resize(width: width, height: height)
            screen = try session.waitFor("the \(width)x\(height) layout") { s in
                let r = Self.rows(s)
                return r.count >= height && r[height - 2].contains("❚❚ PAUSED") && r[height - 2].contains("out \(out)")
                    && r[0].contains("┌─ Insights")
            }
            rows = Self.rows(screen)
            #expect(rows[0].hasPrefix("┌─ Transcript") && rows[0].contains("┌─ PayButton v2/2"))
            #expect(rows[height - 2].contains("session \(sessionID) │ out \(out) │ src transcript meeting.vtt │ model none (transcript)"),
                    "\(rows[height - 2])")
            #expect(rows.prefix(height).allSatisfy { $0.count <= width })
        }

        // 80x24: a 2x2 grid, transcript and intents above, code and insights below.
        try session.resize(width: 80, height: 24)
        screen = try session.waitFor("the stacked layout") { s in
            let r = Self.rows(s)
            return r.count >= 24 && r[11].hasPrefix("┌─ PayButton") && r[11].contains("┌─ Insights")
        }
        rows = Self.rows(screen)
        #expect(rows[0].hasPrefix("┌─ Transcript"))
        #expect(rows[0].contains("┌─ Intents · "))
        #expect(rows[22].contains("❚❚ PAUSED"))
        #expect(rows[23].contains("? help") && rows[23].contains("q quit"))
        #expect(rows.prefix(24).allSatisfy { $0.count <= 80 })

        // ?: every key, each with what it does.
        try session.press("?")
        screen = try session.waitFor(text: "q  ctrl-c")
        #expect(screen.contains("─ Keys ─"))
        for (key, action) in Self.helpEntries {
            #expect(Self.rows(screen).contains { $0.contains(" \(key) ") && $0.contains(action) }, "help lists \(key): \(action)")
        }
        try session.press("Escape")
        try session.waitFor("help to close") { !$0.contains("─ Keys ─") }

        // Paused, the navbar cue is heard but waits; g generates it at once.
        screen = try session.waitFor("the navbar intent, waiting", timeout: 30) { $0.contains(/○ navbar \d\d%/) }
        #expect(!screen.contains("Navbar v1"), "paused: nothing is generated on its own")
        try session.press("g")
        screen = try session.waitFor(text: "┌─ Navbar v1/1")
        #expect(screen.contains(/● navbar \d\d% triggered/))
        #expect(FileManager.default.fileExists(atPath: out + "/src/components/Navbar.jsx"))
        #expect(Self.rows(screen)[22].contains("❚❚ PAUSED"))

        // tab and shift-tab move the focus; the focused pane's title is drawn highlighted.
        #expect(try session.focusedTitle() == "Transcript")
        try session.press("Tab")
        try session.waitFor("focus on Intents") { _ in (try? session.focusedTitle()) == "Intents · 3" }
        try session.press("Tab")
        try session.waitFor("focus on the code pane") { _ in (try? session.focusedTitle(row: 11)) == "Navbar v1/1" }
        try session.press("BTab")
        try session.waitFor("focus back on Intents") { _ in (try? session.focusedTitle()) == "Intents · 3" }

        // e: the session's components, transcript and manifest in the export folder, and the path said.
        try session.press("e")
        let export = session.folder.appendingPathComponent("mockpilot-export").path
        screen = try session.waitFor(text: "exported 3 component versions", timeout: 20)
        #expect(session.waitForFile("mockpilot-export/mockpilot.manifest.json"))
        let exported = try FileManager.default.contentsOfDirectory(atPath: export + "/src/components")
        #expect(Set(exported).isSuperset(of: ["PayButton.jsx", "Navbar.jsx"]), "\(exported)")
        #expect(try String(contentsOfFile: export + "/src/components/PayButton.jsx", encoding: .utf8) == file)
        #expect(FileManager.default.fileExists(atPath: export + "/versions/PayButton.v1.jsx"))
        let transcript = try String(contentsOfFile: export + "/transcript.md", encoding: .utf8)
        #expect(transcript.contains("**Maya** (0:01): Let's build a pill-shaped pay button"), "\(transcript)")

        // q: the screen is given back; one line says what the meeting left behind, then the
        // shell's own line shows a clean exit.
        try session.press("q")
        screen = try session.waitFor(text: "MP-EXITED-0", timeout: 20)
        #expect(!session.alternateScreen)
        #expect(!screen.contains("┌─ Transcript"))
        let printed = try session.printedLines()
        #expect(printed == ["mockpilot: 2 components written (PayButton v2, Navbar v1) under \(out)/src/components (session \(sessionID))",
                            "MP-EXITED-0"], "\(printed)")
    }

    /// The components folder turns into a file part-way through (tests run as root, so permission
    /// bits would not stop the write; a path under a regular file does): the next component fails,
    /// the meeting goes on, and after the screen is restored one line says what went wrong.
    @Test func aFailureMidMeetingIsSaidAfterTheScreenIsRestored() throws {
        let meeting = """
        WEBVTT

        00:00:01.000 --> 00:00:02.500
        <v Maya>Let's build a pill-shaped pay button like Stripe's.</v>

        00:00:09.000 --> 00:00:10.500
        <v Devon>Let's mock up a dark navbar like Linear's.</v>

        00:00:12.000 --> 00:00:13.000
        <v Maya>Great, thanks.</v>
        """
        let session = try TmuxSession(arguments: ["run", "--transcript", "m.vtt", "--realtime", "--out", "out",
                                                  "--db", "db.sqlite"],
                                      logCommands: false, files: ["m.vtt": meeting])
        try session.waitFor(text: "PayButton v1/1", timeout: 30)
        let components = session.folder.appendingPathComponent("out/src/components")
        try FileManager.default.moveItem(at: components, to: session.folder.appendingPathComponent("moved-away"))
        try "not a folder\n".write(to: components, atomically: true, encoding: .utf8)

        var screen = try session.waitFor(text: "Navbar not written", timeout: 30)
        #expect(screen.contains("⚠ Navbar not written"))
        #expect(screen.contains("✗ Navbar"), "the intents pane lists the failure")
        screen = try session.waitFor(text: "00:12 Maya: Great, thanks.", timeout: 20)
        try session.press("q")
        screen = try session.waitFor(text: "MP-EXITED-", timeout: 20)
        #expect(!session.alternateScreen)
        #expect(!screen.contains("┌─ Transcript"))
        let printed = try session.printedLines()
        #expect(printed.count == 3, "what was left behind, the problem, then the exit marker: \(printed)")
        #expect(printed.first?.hasPrefix("mockpilot: 1 component written (PayButton v1) under ") == true, "\(printed)")
        #expect(printed.dropFirst().first?.hasPrefix("mockpilot: a problem in this meeting: Navbar not written: ") == true, "\(printed)")
        #expect(printed.dropFirst().first?.contains(components.path) == true, "the line names the path: \(printed)")
        #expect(printed.last == "MP-EXITED-1")
    }
}
