import Core
import Foundation
import GRDB
import Output
import Testing
@testable import Store

@Test func aSessionRecordsItsMeetingAndListsIt() async throws {
    let db = TempDatabase()
    defer { db.remove() }
    let clock = ManualDate(Date(timeIntervalSince1970: 1_795_000_000))
    let store = try Store(path: db.path, now: clock.now)
    let id = try await store.startSession(source: "meeting.txt", title: "Checkout review")
    #expect(id.wholeMatch(of: /\d{4}-\d{2}-\d{2}-\d{4}-[0-9a-f]{4}/) != nil)

    try await store.record(utterance: utterance("u1", "Let's build a pay button", at: 3), session: id)
    try await store.record(utterance: utterance("u2", "Make it purple", at: 9, speaker: "Bo"), session: id)
    let intent = IntentMsg(utteranceID: "u1", component: .button, confidence: 0.9, cue: true, text: "pay button")
    try await store.record(intent: intent, triggered: true, session: id)
    let spec = DesignSpec(specID: "c1.v1", component: .button, name: "PayButton", utteranceIDs: ["u1"])
    try await store.record(spec: spec, componentID: "c1", session: id)
    try await store.saveVersion(of: written("c1", version: 1), session: id)
    try await store.saveVersion(of: written("c1", version: 2, jsx: "export default 2;\n"), session: id)

    let sessions = try await store.sessions()
    #expect(sessions == [SessionSummary(id: id, started: clock.now(), source: "meeting.txt", title: "Checkout review",
                                        utteranceCount: 2, componentCount: 1, versionCount: 2,
                                        speakers: ["Ann", "Bo"])])
    let components = try await store.components(session: id)
    #expect(components.map(\.specID) == ["c1.v1", "c1.v2"])
    #expect(components.first?.utteranceIDs == ["u1"])
    #expect(components.last?.jsx == "export default 2;\n")
    #expect(components.first?.writtenAt == Date(timeIntervalSince1970: 1_795_000_000))
    #expect(components.first?.latency == 2.5)
    let utterances = try await store.utterances(session: id)
    #expect(utterances.map(\.msg.text) == ["Let's build a pay button", "Make it purple"])
    #expect(utterances.last?.msg.speaker == "Bo")
}

@Test func redeliveredMessagesChangeNothing() async throws {
    let db = TempDatabase()
    defer { db.remove() }
    let store = try Store(path: db.path)
    let id = try await store.startSession(source: "alsa:default", title: nil)
    try await store.record(utterance: utterance("u1", "first words", at: 1), session: id)
    try await store.record(utterance: utterance("u1", "different words", at: 5), session: id)
    // In the pipeline's order: found (not triggered), then triggered, then a late redelivery.
    let intent = IntentMsg(utteranceID: "u1", component: .card, confidence: 0.8)
    try await store.record(intent: intent, triggered: false, session: id)
    try await store.record(intent: intent, triggered: true, session: id)
    try await store.record(intent: intent, triggered: false, session: id)
    let spec = DesignSpec(specID: "c1.v1", component: .card)
    try await store.record(spec: spec, componentID: "c1", session: id)
    try await store.record(spec: spec, componentID: "c1", session: id)
    try await store.saveVersion(of: written("c1", version: 1, jsx: "A"), session: id)
    try await store.saveVersion(of: written("c1", version: 1, jsx: "B"), session: id)

    #expect(try await store.utterances(session: id).map(\.msg.text) == ["first words"])
    #expect(try await store.components(session: id).map(\.jsx) == ["A"])
    let intents: Int? = try scalar(db.path, "SELECT COUNT(*) FROM intents")
    let triggered: Int? = try scalar(db.path, "SELECT COUNT(*) FROM intents WHERE triggered")
    let specs: Int? = try scalar(db.path, "SELECT COUNT(*) FROM specs")
    #expect([intents, triggered, specs] == [1, 1, 1])
}

@Test func aPartialUtteranceIsReplacedByItsFinalForm() async throws {
    let db = TempDatabase()
    defer { db.remove() }
    let store = try Store(path: db.path)
    let id = try await store.startSession(source: "alsa:default", title: nil)
    try await store.record(utterance: utterance("u1", "let's build", at: 1, final: false), session: id)
    try await store.record(utterance: utterance("u1", "let's build a navbar", at: 1), session: id)
    try await store.record(utterance: utterance("u1", "late partial", at: 1, final: false), session: id)
    let kept = try await store.utterances(session: id)
    #expect(kept.map(\.msg.text) == ["let's build a navbar"])
    #expect(kept.map(\.isFinal) == [true])
}

@Test func anUnknownSessionIsAnErrorNamingIt() async throws {
    let db = TempDatabase()
    defer { db.remove() }
    let store = try Store(path: db.path)
    await #expect(throws: StoreError.unknownSession(id: "nope", path: db.path)) {
        try await store.components(session: "nope")
    }
    await #expect(throws: StoreError.unknownSession(id: "nope", path: db.path)) {
        try await store.record(utterance: utterance("u1", "hi", at: 0), session: "nope")
    }
    let line = StoreError.unknownSession(id: "nope", path: db.path).localizedDescription
    #expect(line.contains("nope") && line.contains(db.path) && !line.contains("\n"))
}

@Test func sessionsAreListedNewestFirst() async throws {
    let db = TempDatabase()
    defer { db.remove() }
    let clock = ManualDate(Date(timeIntervalSince1970: 1_795_000_000))
    let store = try Store(path: db.path, now: clock.now)
    let first = try await store.startSession(source: "a.txt", title: nil)
    clock.advance(days: 1)
    let second = try await store.startSession(source: "b.txt", title: nil)
    #expect(try await store.sessions().map(\.id) == [second, first])
    #expect(first != second)
}

@Test func aStoredSessionExportsToAFolder() async throws {
    let db = TempDatabase()
    defer { db.remove() }
    let store = try Store(path: db.path)
    let id = try await store.startSession(source: "meeting.txt", title: nil)
    try await store.record(utterance: utterance("u1", "Let's build a pay button", at: 3), session: id)
    try await store.record(spec: DesignSpec(specID: "c1.v2", component: .button, version: 2, utteranceIDs: ["u1"]),
                           componentID: "c1", session: id)
    try await store.saveVersion(of: written("c1", version: 1, jsx: "// one\n", ts: 1_795_000_000), session: id)
    try await store.saveVersion(of: written("c1", version: 2, jsx: "// two\n", ts: 1_795_000_060), session: id)

    let out = db.folder + "/export"
    try SessionExport.write(components: try await store.components(session: id),
                            utterances: try await store.utterances(session: id), to: out)
    func read(_ file: String) -> String? {
        FileManager.default.contents(atPath: out + "/" + file).map { String(decoding: $0, as: UTF8.self) }
    }
    #expect(read("src/components/PayButton.jsx") == "// two\n")
    #expect(read("versions/PayButton.v1.jsx") == "// one\n")
    #expect(read("transcript.md")?.contains("**Ann** (0:03): Let's build a pay button") == true)
    #expect(read("mockpilot.manifest.json")?.contains("\"utterance_ids\" : [\n        \"u1\"\n      ]") == true)
}
