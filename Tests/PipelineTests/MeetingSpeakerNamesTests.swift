import Core
import Foundation
import Store
import Testing
@testable import Pipeline

/// A speaker renamed during a meeting: later intents carry the name, watchers are told, the
/// session database keeps it, and the export's transcript is written with it.
@Suite struct MeetingSpeakerNamesTests {
    static func line(_ id: String, _ speaker: String, _ text: String, at start: Double) -> Utterance {
        Utterance(id: id, msg: TranscriptMsg(text: text, tsStart: start, tsEnd: start + 2, speaker: speaker))
    }

    @Test func aRenameReachesLaterIntentsTheStoreAndTheExport() async throws {
        let f = try MeetingTests.Fixture()
        let meeting = try await f.open()
        async let collected: [PipelineEvent] = {
            var all: [PipelineEvent] = []
            for await e in meeting.events { all.append(e) }
            return all
        }()
        await meeting.start()
        await meeting.hear(Self.line("u1", "Speaker 1", "Morning, can everyone hear me?", at: 0))
        await meeting.hear(Self.line("u2", "Call", "Yes, loud and clear.", at: 3))
        await meeting.handle(.renameSpeaker(label: "Speaker 1", name: "Ana"))
        await meeting.hear(Self.line("u3", "Speaker 1", "Let's build a pill-shaped pay button like Stripe's.", at: 6))
        await meeting.hear(Self.line("u4", "Call", "Let's mock up a dark navbar like Linear's.", at: 12))
        await meeting.finish()
        let events = await collected

        #expect(events.contains(.speaker(label: "Speaker 1", name: "Ana")))
        #expect(events.contains(.notice("Speaker 1 is now called Ana")))
        // Transcript lines keep the label they were heard with: the watchers map it to the name.
        let heard = events.compactMap { if case .transcript(let u) = $0, u.id == "u3" { u.msg.speaker } else { nil } }
        #expect(heard == ["Speaker 1"])
        // Intents carry the name their speaker goes by when they are read.
        let intents = events.compactMap { if case .intent(let i, _) = $0 { i } else { nil } }
        #expect(Set(intents.filter { $0.utteranceID == "u3" }.map(\.speaker)) == ["Ana"], "\(intents)")
        #expect(Set(intents.filter { $0.utteranceID == "u4" }.map(\.speaker)) == ["Call"], "\(intents)")

        // The store keeps the name; the session lists its speakers by name.
        let store = try Store(path: f.settings.database)
        #expect(try await store.speakerNames(session: meeting.sessionID) == ["Speaker 1": "Ana"])
        let session = try #require(try await store.sessions().first { $0.id == meeting.sessionID })
        #expect(session.speakers == ["Ana", "Call"])

        // The export's transcript names every line of the renamed speaker.
        await meeting.handle(.export(to: f.dir + "/export"))
        let markdown = try String(contentsOfFile: f.dir + "/export/transcript.md", encoding: .utf8)
        #expect(markdown.contains("**Ana** (0:00): Morning, can everyone hear me?"), "\(markdown)")
        #expect(markdown.contains("**Call** (0:03): Yes, loud and clear."), "\(markdown)")
        #expect(markdown.contains("**Ana** (0:06): Let's build a pill-shaped pay button like Stripe's."), "\(markdown)")
        #expect(!markdown.contains("Speaker 1"), "\(markdown)")
    }
}
