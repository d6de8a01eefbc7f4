import Foundation
import Testing

/// Suggestions on a real `run`: a change heard minutes after its component is only offered in the
/// intents pane, and `g` makes it. Played at 40 times the recorded pace: the late line comes after
/// 10 s, the meeting ends after 30 s (once it has ended, nothing more is made).
@Suite(.serialized) struct SuggestionScreenTests {
    static let meeting = """
    WEBVTT

    00:00:01.000 --> 00:00:03.000
    <v Ana>Let's build a pill-shaped pay button with a purple gradient like Stripe's.</v>

    00:06:40.000 --> 00:06:42.000
    <v Ben>Make it bigger and give it a shadow.</v>

    00:20:00.000 --> 00:20:02.000
    <v Ana>Great, that's all for today.</v>
    """

    @Test func aLateChangeIsOfferedAndGMakesIt() throws {
        let session = try TmuxSession(arguments: ["run", "--transcript", "m.vtt", "--realtime", "--speed", "40", "--out", "out",
                                                  "--db", "db.sqlite"],
                                      logCommands: false, files: ["m.vtt": Self.meeting])
        var screen = try session.waitFor(text: "? heard: a change, but", timeout: 25)
        #expect(screen.contains("PayButton v1/1"), "the late line did not change the button on its own")
        #expect(screen.contains("Suggestions · 1"), "\(screen)")
        try session.press("g")
        screen = try session.waitFor(text: "PayButton v2/2")
        #expect(!screen.contains("Suggestions · 1"), "a made suggestion leaves the pane")
        try session.press("q")
        try session.waitFor(text: "MP-EXITED-0")
        let printed = try session.printedLines()
        #expect(printed.first?.hasPrefix("mockpilot: 1 component written (PayButton v2) under ") == true, "\(printed)")
    }
}
