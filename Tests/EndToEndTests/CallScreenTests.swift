import Foundation
import TestSupport
import Testing

/// `mockpilot run --call` on the real screen in tmux, against a PulseAudio server the test starts:
/// a spoken line played into its null sink with `paplay`, as a call application plays the other
/// side, shows in the transcript pane as said by the call's first speaker ("Speaker 1": the call
/// side is diarized; "Call" with speaker labels off); the microphone beside it (a source of its
/// own that nobody speaks into, "You") adds no line.
@Suite(.serialized) struct CallScreenTests {
    static func rows(_ screen: String) -> [String] { screen.components(separatedBy: "\n") }

    /// What the transcript pane (the left one at 120x40) holds, its wrapped rows joined by spaces:
    /// the text between the first two `│` of each of its rows under the title.
    static func transcriptPane(_ screen: String) -> String {
        rows(screen).dropFirst().filter { $0.hasPrefix("│") }.compactMap { row -> String? in
            let cells = row.split(separator: "│", maxSplits: 2, omittingEmptySubsequences: false)
            guard cells.count > 2 else { return nil }
            return cells[1].trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    @Test func theCallsWordsShowOnTheScreenAsTheCallsSpeaker() throws {
        let server = try PulseServer(extraSinks: ["room"], microphones: [(source: "mic", sink: "room")])
        defer { server.stop() }
        // --call adds the default monitor (the null sink `call`) to the microphone given.
        let session = try TmuxSession(arguments: ["run", "--call", "--input", "pulse:mic", "--out", "out", "--db", "db.sqlite"],
                                      environment: ["PULSE_SERVER": server.address], logCommands: false)
        // The model loads and both captures open before the first chunk's level reaches the
        // status line: only then is the call played, or its first words would go unheard.
        var screen = try session.waitFor("the inputs listening", timeout: 90) { s in
            Self.rows(s).count > 38 && Self.rows(s)[38].contains("● LIVE") && Self.rows(s)[38].contains("level ")
        }
        #expect(Self.rows(screen)[0].hasPrefix("┌─ Transcript"), "\(screen)")

        let player = try server.play(AudioRunTests.line, sink: "call")
        defer { if player.isRunning { player.terminate() } }
        // "Let's build a pricing section with three tiers, kind of like what Stripe has.": partials
        // show while it plays, cut short with "…"; the final holds the whole line.
        screen = try session.waitFor("the call's line in the transcript pane", timeout: 90) { s in
            let pane = Self.transcriptPane(s)
            return pane.range(of: #"\d\d:\d\d Speaker 1: Let's build a pricing section"#, options: .regularExpression) != nil
                && pane.lowercased().contains("three tiers") && pane.lowercased().contains("stripe")
        }
        let pane = Self.transcriptPane(screen)
        #expect(!pane.contains("You:"), "the silent microphone adds no line: \(pane)")
        // The call's ask goes on through the pipeline: the intents pane counts it.
        try session.waitFor("the call's ask in the intents pane", timeout: 30) { s in
            Self.rows(s)[0].range(of: "┌─ Intents · [1-9]", options: .regularExpression) != nil
        }

        try session.press("q")
        try session.waitFor(text: "MP-EXITED-0", timeout: 60)
        let db = try SQLiteFile(session.folder.path + "/db.sqlite")
        #expect(try db.count("utterances", where: "speaker = 'Speaker 1'") >= 1)
        #expect(try db.count("utterances", where: "speaker = 'You'") == 0)
    }
}
