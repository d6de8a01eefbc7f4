import Foundation
import Testing

/// How the meeting screen leaves, and how it looks on different terminals, on a real `run`.
/// The screen from start to quit is in RunScreenTests.
@Suite(.serialized) struct TUIScreenTests {
    static let meeting = """
    WEBVTT

    00:00:01.000 --> 00:00:03.000
    <v Ana>Let's build a rounded card with a soft shadow.</v>

    00:00:04.000 --> 00:00:05.000
    <v Ben>Great, thanks.</v>
    """

    /// The meeting replayed as fast as it goes; the screen then stays until the user quits.
    static func run(_ extra: [String] = [], environment: [String: String] = [:], term: String = "tmux-256color")
        throws -> TmuxSession {
        try TmuxSession(arguments: ["run", "--transcript", "m.vtt", "--out", "out", "--db", "db.sqlite"] + extra,
                        environment: environment, term: term, logCommands: false, files: ["m.vtt": meeting])
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let session = try Self.run()
        try session.waitFor(text: "■ FINISHED")
        let pid = try #require(try session.programPID())
        kill(pid, SIGTERM)
        let screen = try session.waitFor(text: "MP-EXITED-")
        #expect(!session.alternateScreen)
        #expect(!screen.contains("┌─ Transcript"))
    }

    @Test func ctrlCQuits() throws {
        let session = try Self.run()
        try session.waitFor(text: "■ FINISHED")
        try session.press("C-c")
        let screen = try session.waitFor(text: "MP-EXITED-0")
        #expect(!session.alternateScreen)
        #expect(!screen.contains("┌─ Transcript"))
    }

    /// The one place the scripted `tui-demo` stays: a stage that throws part-way through a meeting
    /// cannot be made to happen on demand in the real pipeline, so the demo's `--fail-after` stands in.
    @Test func aPipelineErrorIsPrintedAfterTheScreenIsRestored() throws {
        let session = try TmuxSession(arguments: ["tui-demo", "--speed", "20", "--fail-after", "4"])
        let screen = try session.waitFor(text: "MP-EXITED-")
        #expect(!session.alternateScreen)
        #expect(screen.contains("Error: the scripted pipeline failed on purpose"))
        #expect(!screen.contains("MP-EXITED-0"))
        #expect(!screen.contains("┌─ Transcript"))
    }

    @Test func coloursFollowTheTerminalAndNoColor() throws {
        func coloured(_ environment: [String: String], term: String) throws -> String {
            let session = try Self.run(environment: environment, term: term)
            try session.waitFor(text: "■ FINISHED")
            let screen = try session.screen(colors: true)
            try session.press("q")
            try session.waitFor(text: "MP-EXITED-0")
            return screen
        }
        for term in ["tmux-256color", "xterm-256color", "screen-256color"] {
            #expect(try coloured([:], term: term).contains("38;5;"), "\(term): 256-colour terminals get palette colours")
        }
        for term in ["screen", "xterm"] {
            let basic = try coloured([:], term: term)
            #expect(!basic.contains("38;5;"), "\(term): 8-colour terminals get basic colours only")
            #expect(basic.range(of: "\u{1b}\\[[0-9;]*3[0-7]m", options: .regularExpression) != nil, "\(term)")
        }
        let none = try coloured(["NO_COLOR": "1"], term: "tmux-256color")
        #expect(none.range(of: "\u{1b}\\[[0-9;]*(3|4)[0-7](;|m)", options: .regularExpression) == nil, "NO_COLOR: no colours")
        #expect(none.contains("\u{1b}[7m") || none.contains(";7m"), "but reverse video still marks focus")
    }

    @Test func aBadThemeIsAOneLineErrorBeforeTheScreenStarts() throws {
        let session = try Self.run(["--theme", "solarized"])
        let screen = try session.waitFor(text: "MP-EXITED-")
        #expect(!session.alternateScreen)
        #expect(screen.contains("no theme named 'solarized'; available: dark, light, high-contrast"))
        #expect(!screen.contains("MP-EXITED-0"))
        #expect(!screen.contains("┌─ Transcript"))
    }
}
