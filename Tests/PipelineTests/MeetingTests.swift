import Brands
import Config
import Core
import Foundation
import TestSupport
import Testing
@testable import Pipeline

@Suite struct MeetingTests {
    struct Fixture {
        var settings = Settings()
        let dir: String

        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-meeting-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            settings.themesDirectory = Repository.root.appendingPathComponent("Themes").path
            settings.outputFolder = dir + "/out"
            settings.database = dir + "/db.sqlite"
        }

        /// The meeting with its service running beside the test, as `run` runs it: the model
        /// calls, hooks and insight queries it asks for run there. Nothing shuts the service down:
        /// it waits, idle, once the meeting has finished, until the test process ends.
        func open() async throws -> Meeting {
            let meeting = try await openAlone()
            let service = MeetingService(meeting: meeting)
            Task { await service.run() }
            return meeting
        }

        /// The meeting without its service, for a test that runs the service itself.
        func openAlone() async throws -> Meeting {
            try await MeetingSetup(settings: settings).open(source: "test", model: "none")
        }
    }

    static func line(_ id: String, _ text: String, at start: Double, speaker: String = "Ana") -> Utterance {
        Utterance(id: id, msg: TranscriptMsg(text: text, tsStart: start, tsEnd: start + 2, speaker: speaker))
    }

    /// Plays the lines and returns every event the meeting emitted.
    static func play(_ lines: [Utterance], into meeting: Meeting) async throws -> [PipelineEvent] {
        async let collected: [PipelineEvent] = {
            var all: [PipelineEvent] = []
            for await e in meeting.events { all.append(e) }
            return all
        }()
        try await TranscriptReplay(utterances: lines, realtime: false).play(into: meeting)
        return await collected
    }

    @Test func aLineLongerThanIntentsReadIsCutWithANoticeAndTheMeetingGoesOn() async throws {
        let f = try Fixture()
        let meeting = try await f.open()
        let rambling = String(repeating: "and then we went through the quarterly numbers again ", count: 60)
        let events = try await Self.play([
            Self.line("u1", rambling, at: 0),
            Self.line("u2", "Let's build a pill-shaped pay button with a purple gradient like Stripe's.", at: 30),
        ], into: meeting)
        let notices = events.compactMap { if case .notice(let n) = $0 { n } else { nil } }
        #expect(notices.contains { $0.hasPrefix("u1: longer than 2000 characters") }, "\(notices)")
        #expect(!notices.contains { $0.hasPrefix("u2:") })
        let written = events.compactMap { if case .component(let c) = $0 { c } else { nil } }
        #expect(written.map(\.name) == ["PayButton"], "the next line is read as usual")
    }

    @Test func aCueLineBecomesAComponentFileAndARefinementANewVersion() async throws {
        let f = try Fixture()
        let meeting = try await f.open()
        let events = try await Self.play([
            Self.line("u1", "Let's build a pill-shaped pay button with a purple gradient like Stripe's.", at: 0),
            Self.line("u2", "Can everyone see my screen?", at: 6),
            Self.line("u3", "Make it bigger and give it a shadow.", at: 12),
        ], into: meeting)
        let written = events.compactMap { if case .component(let c) = $0 { c } else { nil } }
        #expect(written.count == 2)
        #expect(written.map(\.version) == [1, 2])
        #expect(Set(written.map(\.componentID)).count == 1, "a refinement is a new version of the same component")
        let file = try #require(written.last?.path)
        let jsx = try String(contentsOfFile: file, encoding: .utf8)
        #expect(jsx.contains("export default"))
        #expect(FileManager.default.fileExists(atPath: f.dir + "/out/src/components/index.js"))
        #expect(events.last == .finished)
    }

    @Test func redeliveredUtterancesChangeNothing() async throws {
        let f = try Fixture()
        let meeting = try await f.open()
        let ask = Self.line("u1", "Let's build a dark navbar like Linear's.", at: 0)
        let events = try await Self.play([ask, ask, ask], into: meeting)
        #expect(events.filter { if case .transcript = $0 { true } else { false } }.count == 1)
        #expect(events.filter { if case .component = $0 { true } else { false } }.count == 1)
    }

    @Test func chatterMakesNoComponents() async throws {
        let f = try Fixture()
        let meeting = try await f.open()
        let events = try await Self.play([
            Self.line("u1", "The button in the old app broke last week.", at: 0),
            Self.line("u2", "Stripe's revenue grew a lot this year.", at: 5),
        ], into: meeting)
        #expect(!events.contains { if case .component = $0 { true } else { false } })
    }

    @Test func anUnwritableFolderFailsTheComponentButTheMeetingGoesOn() async throws {
        let f = try Fixture()
        let meeting = try await f.open()
        // The components folder becomes a file after the start. Permission bits would not do as
        // root (which CI runs as); a path under a regular file fails for everyone.
        let components = f.settings.outputFolder + "/src/components"
        try FileManager.default.removeItem(atPath: components)
        try "not a folder".write(toFile: components, atomically: true, encoding: .utf8)
        let events = try await Self.play([
            Self.line("u1", "Let's build a rounded card with a shadow.", at: 0),
            Self.line("u2", "Thanks, that's all for today.", at: 8),
        ], into: meeting)
        let failures = events.compactMap { if case .componentFailed(_, let kind, let reason) = $0 { (kind, reason) } else { nil } }
        #expect(failures.count == 1)
        #expect(failures.first?.0 == .card)
        #expect(failures.first?.1.description == "\(components) is a file, not a folder; choose another output folder")
        #expect(events.contains { if case .transcript(let u) = $0 { u.id == "u2" } else { false } }, "the meeting goes on")
        #expect(events.last == .finished)
        #expect(await meeting.problems == 1)
        #expect(await meeting.problemSummary
                == "a problem in this meeting: Card not written: \(components) is a file, not a folder; choose another output folder")
    }

    @Test func aKeyPressGeneratesWhatIsPendingAndSaysWhenNothingIs() async throws {
        let f = try Fixture()
        let meeting = try await f.open()
        await meeting.start()
        await meeting.handle(.generateNow)
        await meeting.hear(Self.line("u1", "We need a sidebar with the project list.", at: 0))
        await meeting.handle(.generateNow)
        await meeting.finish()
        var notices = 0, components = 0
        for await e in meeting.events {
            if case .notice = e { notices += 1 }
            if case .component = e { components += 1 }
        }
        #expect(notices == 1 && components == 1)
    }

    /// Every event a meeting emitted up to `finish()`.
    static func drain(_ meeting: Meeting) async -> [PipelineEvent] {
        await meeting.finish()
        var all: [PipelineEvent] = []
        for await e in meeting.events { all.append(e) }
        return all
    }

    static func notices(_ events: [PipelineEvent]) -> [String] {
        events.compactMap { if case .notice(let text) = $0 { text } else { nil } }
    }

    static func components(_ events: [PipelineEvent]) -> [ComponentWritten] {
        events.compactMap { if case .component(let c) = $0 { c } else { nil } }
    }

    @Test func gWithNothingPendingReadsTheLastThreeLinesAsOneRequest() async throws {
        let f = try Fixture()
        let meeting = try await f.open()
        await meeting.start()
        // Said in pieces, none of them a request on its own.
        await meeting.hear(Self.line("u1", "Someone said the projects belong in a sidebar.", at: 0))
        await meeting.hear(Self.line("u2", "It could be dark, I suppose.", at: 3))
        await meeting.hear(Self.line("u3", "With rounded corners, maybe.", at: 6))
        await meeting.tick(now: 20)
        await meeting.handle(.generateNow)
        // Pressed again with nothing new said: nothing is generated twice.
        await meeting.handle(.generateNow)
        let events = await Self.drain(meeting)

        let written = Self.components(events)
        #expect(written.map(\.kind) == [.sidebar], "\(events)")
        let jsx = try String(contentsOfFile: try #require(written.first?.path), encoding: .utf8)
        #expect(jsx.contains("export default"))
        let triggered = events.compactMap { if case .intent(let i, true) = $0 { i } else { nil } }
        #expect(triggered.count == 1)
        #expect(triggered.first?.utteranceID == "u3", "the request is filed under its newest line")
        #expect(triggered.first?.text == "Someone said the projects belong in a sidebar. It could be dark, I suppose. With rounded corners, maybe.")
        #expect(triggered.first?.styles.contains("dark") == true && triggered.first?.styles.contains("rounded") == true)
        #expect(Self.notices(events).contains("nothing to generate: everything said since the last component is already in it"))
    }

    /// The meeting's own reading now catches most follow-up lines about a component as they are
    /// said, so this drives the window itself: talk naming a kind already written changes it.
    @Test func talkAboutAWrittenComponentIsReadAsItsNextVersion() throws {
        let brands = try MeetingSetup(settings: Settings()).brands()
        var talk = TalkWindow(brands: brands)
        talk.append(Self.line("u3", "Someone said the pay button should be dark.", at: 14))
        talk.append(Self.line("u4", "I suppose so.", at: 17))
        talk.append(Self.line("u5", "With a shadow, maybe.", at: 20))
        guard case .request(let intent, let lines) = talk.read(existing: [.button]) else {
            Issue.record("no request read from the talk")
            return
        }
        #expect(lines == ["u3", "u4", "u5"])
        #expect(intent.utteranceID == "u5", "the request is filed under its newest line")
        #expect(intent.text == "Someone said the pay button should be dark. I suppose so. With a shadow, maybe.")
        #expect(intent.refine == true && intent.refersTo == .button, "a change to the pay button, not a second one")
        #expect(intent.styles.contains("dark") && intent.styles.contains("shadow"))
        // Read once: pressed again, the same lines are not a request twice.
        #expect(talk.read(existing: [.button]) == .allGenerated)
    }

    @Test func gSaysWhyWhenThereIsNothingToGenerate() async throws {
        let f = try Fixture()
        let meeting = try await f.open()
        await meeting.start()
        await meeting.handle(.generateNow)
        await meeting.hear(Self.line("u1", "Can everyone see my screen?", at: 0))
        await meeting.hear(Self.line("u2", "The button in the old app broke last week.", at: 3))
        await meeting.handle(.generateNow)
        let events = await Self.drain(meeting)
        #expect(Self.components(events).isEmpty)
        #expect(Self.notices(events) == [
            "nothing to generate: nothing has been said yet",
            "nothing to generate: no component was asked for in the last lines "
                + "(“Can everyone see my screen? The button in the old app broke last week.”)",
        ])
    }

    /// A long meeting holds nothing per line once a line is dealt with: no arrival time for lines
    /// without an intent or for generated ones, no finished hook tasks.
    @Test func aLongMeetingKeepsNoBookkeepingForWhatIsDone() async throws {
        var f = try Fixture()
        f.settings.postGenerateHook = "cat > /dev/null"
        let meeting = try await f.open()
        await meeting.start()
        var t = 0.0
        for (i, ask) in ["Let's build a pill-shaped pay button.", "Let's mock up a dark navbar.", "Let's build a pricing table."]
            .enumerated() {
            for j in 0..<100 {
                await meeting.hear(Self.line("c\(i)-\(j)", "Can everyone see my screen? Line \(j).", at: t))
                t += 3
            }
            await meeting.hear(Self.line("ask\(i)", ask, at: t))
            t += 10
        }
        // The three hooks report as they finish; by then each has let go of its task.
        var hookLines = 0
        for await event in meeting.events {
            if case .notice(let text) = event, text.contains(" v1: hook") { hookLines += 1 }
            if hookLines == 3 { break }
        }
        let kept = await meeting.bookkeeping
        #expect(kept.arrivals == 0, "no arrival times kept for 300 lines without an intent and 3 generated ones")
        #expect(kept.hooks == 0, "finished hook tasks are let go")
        await meeting.finish()
    }
}
