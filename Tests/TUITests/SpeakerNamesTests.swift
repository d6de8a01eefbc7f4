import Core
import TestSupport
import Testing
@testable import TUI

/// Speakers on the screen: a colour each for the whole meeting, and `n` to rename one, which
/// asks the meeting and shows what the meeting answers.
@Suite struct SpeakerNamesTests {
    static func typed(_ text: String) -> [Key] { text.map { Key.char($0) } }

    /// The role of the first cell of `text` on the screen, and its row.
    static func find(_ text: String, in buffer: ScreenBuffer) -> (row: Int, role: Role)? {
        for y in 0..<buffer.height {
            let row = buffer.row(y)
            guard let range = row.range(of: text) else { continue }
            let x = TextWidth.width(String(row[..<range.lowerBound]))
            return (y, buffer[x, y].role)
        }
        return nil
    }

    @Test func eachSpeakerKeepsTheColourOfTheOrderTheySpokeIn() {
        let screen = MeetingFixture.screen(width: 120, height: 40)
        let buffer = screen.render()
        // Maya spoke first, Lena second, Dev third; Maya's later line keeps her colour.
        #expect(Self.find("Maya: Let's look", in: buffer)?.role == .speaker)
        #expect(Self.find("Lena: Let's build", in: buffer)?.role == .speaker2)
        #expect(Self.find("Dev: Make it", in: buffer)?.role == .speaker3)
        #expect(Self.find("Maya: And a calm", in: buffer)?.role == .speaker)
        #expect(Role.speaker(slot: 6) == .speaker, "the seventh speaker starts the palette again")
    }

    @Test func nRenamesTheSpeakerOfTheNewestLineAndLaterLinesShowTheName() throws {
        var screen = MeetingFixture.screen(width: 120, height: 40)
        #expect(press([.char("n")], on: &screen).isEmpty)
        #expect(screen.render().row(39).contains("Rename Maya: ▏"))
        // Typing goes to the prompt, `q` included; backspace takes back a character.
        #expect(press(Self.typed("Mqi") + [.backspace, .backspace] + Self.typed("ina"), on: &screen).isEmpty)
        #expect(screen.render().row(39).contains("Rename Maya: Mina▏"))
        #expect(press([.enter], on: &screen) == [.send(.renameSpeaker(label: "Maya", name: "Mina"))])
        #expect(screen.render().row(39).contains("g generate"), "the key hints are back")

        // The screen shows the name once the meeting says so, on every line of that speaker.
        #expect(Self.find("Mina:", in: screen.render()) == nil)
        screen.apply(.speaker(label: "Maya", name: "Mina"))
        screen.apply(MeetingFixture.utterance("u5", "Maya", 40, "Three tiers, please."))
        let buffer = screen.render()
        #expect(Self.find("Mina: Let's look", in: buffer)?.role == .speaker)
        #expect(Self.find("Mina: Three tiers", in: buffer)?.role == .speaker, "same colour under the new name")
        #expect(Self.find("Lena: Let's build", in: buffer)?.role == .speaker2)
        #expect(!buffer.text.contains("Maya:"))

        // Renamed again: the prompt says who it is now, and asks about the label.
        _ = press([.char("n")], on: &screen)
        #expect(screen.render().row(39).contains("Rename Maya (now Mina): ▏"))
        #expect(press(Self.typed("Maya Lopez") + [.enter], on: &screen) == [.send(.renameSpeaker(label: "Maya", name: "Maya Lopez"))])
    }

    @Test func escOrAnUnchangedNameCancelsAndCtrlCStillQuits() {
        var screen = MeetingFixture.screen(width: 80, height: 24)
        #expect(press([.char("n")] + Self.typed("Bo") + [.escape], on: &screen).isEmpty)
        #expect(screen.state.speakerPrompt == nil)
        #expect(screen.render().row(22).contains("Maya keeps their name"))
        #expect(press([.char("n")] + Self.typed("  ") + [.enter], on: &screen).isEmpty, "an empty name changes nothing")
        #expect(press([.char("n")] + Self.typed("Maya") + [.enter], on: &screen).isEmpty, "nor does the same name")
        #expect(press([.char("n"), .interrupt], on: &screen) == [.send(.quit), .quit])
    }

    @Test func scrolledUpItRenamesTheSpeakerOfTheLastLineInView() {
        var events: [PipelineEvent] = [.status(MeetingFixture.status)]
        for i in 0..<40 { events.append(MeetingFixture.utterance("l\(i)", "Lena", Double(i), "Line \(i).")) }
        for i in 0..<40 { events.append(MeetingFixture.utterance("o\(i)", "Omar", 50 + Double(i), "Line \(i).")) }
        var screen = MeetingFixture.screen(width: 120, height: 40, events: events)
        _ = press([.char("n"), .escape], on: &screen)
        #expect(screen.state.notice?.text == "Omar keeps their name")
        // At the top only Lena's lines are in view.
        _ = press([.home, .char("n")], on: &screen)
        #expect(screen.render().row(39).contains("Rename Lena: ▏"))
    }

    @Test func linesWithoutSpeakersHaveNobodyToRename() {
        var screen = MeetingFixture.screen(width: 120, height: 40, events: [
            .status(MeetingFixture.status),
            .transcript(Utterance(id: "u1", msg: TranscriptMsg(text: "Right, a card.", tsStart: 2, tsEnd: 4))),
        ])
        #expect(press([.char("n")], on: &screen).isEmpty)
        #expect(screen.state.speakerPrompt == nil)
        #expect(screen.render().row(38).contains("No speaker to rename"))
        #expect(screen.render().text.contains("00:02 Right, a card."))
    }

    /// Six speakers, six colours, in every shipped theme, on 256-colour and on 8-colour terminals.
    @Test func theShippedThemesGiveEachSpeakerAColourOfTheirOwn() throws {
        let catalog = try ThemeCatalog.load(directory: Repository.root.path + "/Themes")
        for theme in catalog.themes {
            let colours = Role.speakerPalette.map { theme.style($0).foreground }
            #expect(Set(colours.map { "\($0)" }).count == 6, "\(theme.name): \(colours)")
            #expect(Set(colours.map { "\($0.basic)" }).count == 6, "\(theme.name) on 8 colours: \(colours.map(\.basic))")
        }
        #expect(Set(Role.speakerPalette.map { "\(Theme.builtIn.style($0).foreground.basic)" }).count == 6)
    }

    @Test func themesWithoutSpeakerColoursFallBackAndMonochromeStillSetsNamesApart() throws {
        let onlySpeaker = try Theme.parse("text = 252\nspeaker = 179 bold\n", file: "t.theme", defaultName: "t")
        #expect(onlySpeaker.style(.speaker4) == RoleStyle(foreground: .index(179), bold: true))
        let bare = try Theme.parse("text = 252\n", file: "t.theme", defaultName: "t")
        #expect(bare.style(.speaker2) == bare.style(.text))
        for role in Role.speakerPalette { #expect(Theme.monochrome(role) == RoleStyle(bold: true)) }
        let own = try Theme.parse("speaker-3 = red\n", file: "t.theme", defaultName: "t")
        #expect(own.style(.speaker3) == RoleStyle(foreground: .index(1)))
    }
}
