import Core
import Foundation
import TestSupport
import Testing
@testable import Pipeline

/// Where a meeting's changes land, and what its components are called, through the real meeting
/// (rules, templates, folder, store): the decisions themselves are in MeetingStateMachineTests.
@Suite struct MeetingLandingTests {
    typealias F = MeetingTests

    @Test func aSecondButtonIsButton2InItsFileItsExportsAndTheManifest() async throws {
        let f = try F.Fixture()
        let meeting = try await f.open()
        let events = try await F.play([
            F.line("u1", "Let's build a button.", at: 0),
            F.line("u2", "Let's build another button.", at: 20),
        ], into: meeting)
        let written = F.components(events)
        #expect(written.map(\.name) == ["Button", "Button2"])
        let second = try #require(written.last)
        #expect(URL(fileURLWithPath: second.path).lastPathComponent == "Button2.jsx")
        let jsx = try String(contentsOfFile: second.path, encoding: .utf8)
        #expect(jsx.contains("export function Button2("), "the function is named as the file: \(jsx)")
        #expect(jsx.contains("export default Button2;"))
        let manifest = try String(contentsOfFile: f.dir + "/out/mockpilot.manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"name\" : \"Button2\"") || manifest.contains("\"name\":\"Button2\""), "\(manifest)")
    }

    @Test func aVagueChangeLongAfterTheComponentIsOfferedNotWritten() async throws {
        let f = try F.Fixture()
        let meeting = try await f.open()
        let events = try await F.play([
            F.line("u1", "Let's build a pill-shaped pay button with a purple gradient like Stripe's.", at: 0),
            F.line("u2", "Make it bigger and give it a shadow.", at: 400),
        ], into: meeting)
        #expect(F.components(events).map(\.version) == [1], "the button is not changed by a line minutes later")
        let offered = events.compactMap { if case .suggestion(let i, let reason) = $0 { (i.utteranceID, reason) } else { nil } }
        #expect(offered.map(\.0) == ["u2"])
        #expect(offered.first?.1.contains("moved on") == true)
    }

    @Test func gMakesTheOfferedChange() async throws {
        let f = try F.Fixture()
        let meeting = try await f.open()
        await meeting.start()
        for line in [F.line("u1", "Let's build a pill-shaped pay button with a purple gradient like Stripe's.", at: 0),
                     F.line("u2", "Make it bigger and give it a shadow.", at: 400)] {
            await meeting.hear(line)
        }
        await meeting.handle(.generateNow)
        let events = await F.drain(meeting)
        // Ids carry the session, so meetings sharing a folder never share one.
        let first = meeting.sessionID + "-c1"
        #expect(F.components(events).map { "\($0.componentID) v\($0.version)" } == ["\(first) v1", "\(first) v2"])
    }
}
