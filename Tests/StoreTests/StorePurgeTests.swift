import Core
import Foundation
import GRDB
import Testing
@testable import Store

@Test func purgeDeletesWholeMeetingsOlderThanTheRetention() async throws {
    let db = TempDatabase()
    defer { db.remove() }
    let clock = ManualDate(Date(timeIntervalSince1970: 1_795_000_000))
    let store = try Store(path: db.path, now: clock.now)
    let old = try await store.startSession(source: "old.txt", title: nil)
    try await store.record(utterance: utterance("u1", "the zanzibar-quokka plan", at: 1), session: old)
    try await store.record(intent: IntentMsg(utteranceID: "u1", component: .button, confidence: 1, text: "zanzibar-quokka"),
                           triggered: true, session: old)
    // Specs carry labels heard in the meeting, components the code built from them.
    try await store.record(spec: DesignSpec(specID: "c1.v1", component: .button, label: "zanzibar-quokka", version: 1,
                                            utteranceIDs: ["u1"]),
                           componentID: "c1", session: old)
    try await store.saveVersion(of: written("c1", version: 1, jsx: "export default () => 'zanzibar-quokka';\n",
                                            ts: clock.now().timeIntervalSince1970), session: old)

    clock.advance(days: 6)
    let recent = try await store.startSession(source: "new.txt", title: nil)
    try await store.record(utterance: utterance("u1", "keep me", at: 1), session: recent)
    try await store.saveVersion(of: written("c1", version: 1, ts: clock.now().timeIntervalSince1970), session: recent)

    clock.advance(days: 2)  // the old session is now 8 days old, the recent one 2
    let deleted = try await store.purgeExpired()
    #expect(deleted == 5, "utterance, intent, spec, component and the session itself")
    #expect(try await store.sessions().map(\.id) == [recent])
    await #expect(throws: StoreError.unknownSession(id: old, path: db.path)) { try await store.components(session: old) }
    #expect(try await store.utterances(session: recent).map(\.msg.text) == ["keep me"])
    #expect(try await store.components(session: recent).count == 1)
    #expect(try await store.purge(olderThan: clock.now() - Store.transcriptRetention) == 0)

    // The words are gone from the files on disk too, not just from queries.
    for suffix in ["", "-wal"] {
        if let bytes = FileManager.default.contents(atPath: db.path + suffix) {
            #expect(bytes.range(of: Data("zanzibar-quokka".utf8)) == nil, "found in \(db.path + suffix)")
        }
    }
}

@Test func aShorterRetentionFromTheSettingsIsHonoured() async throws {
    let db = TempDatabase()
    defer { db.remove() }
    let clock = ManualDate(Date(timeIntervalSince1970: 1_795_000_000))
    let store = try Store(path: db.path, now: clock.now)
    _ = try await store.startSession(source: "a.txt", title: nil)
    clock.advance(days: 2)
    #expect(try await store.purgeExpired() == 0)
    #expect(try await store.purgeExpired(retention: 24 * 3600) == 1)
    #expect(try await store.sessions().isEmpty)
}

@Test func aMeetingStillRecordingPastTheCutoffKeepsItsSession() async throws {
    let db = TempDatabase()
    defer { db.remove() }
    let clock = ManualDate(Date(timeIntervalSince1970: 1_795_000_000))
    let store = try Store(path: db.path, now: clock.now)
    let long = try await store.startSession(source: "alsa:default", title: nil)
    try await store.record(utterance: utterance("u1", "said on the first day", at: 1), session: long)
    clock.advance(days: 8)
    try await store.record(utterance: utterance("u2", "said just now", at: 691_200), session: long)
    #expect(try await store.purgeExpired() == 1)
    #expect(try await store.utterances(session: long).map(\.msg.text) == ["said just now"])
    #expect(try await store.sessions().map(\.id) == [long])
}
