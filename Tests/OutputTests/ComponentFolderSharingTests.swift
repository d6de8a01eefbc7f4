import Core
import Foundation
import Testing
@testable import Output

/// Several meetings writing into one folder, one after another or at once, and a write that a
/// crash cut short: nothing any of them wrote is lost or misattributed.

@Test func aSecondMeetingKeepsItsOwnComponentBesideTheFirst() async throws {
    let folder = TempFolder()
    defer { folder.remove() }
    let first = try ComponentFolder(root: folder.path, session: "s1")
    try await first.write(componentID: "s1-c1", name: "PayButton", kind: .button, version: 1, spec: spec("s1-c1.v1"),
                          jsx: jsx("PayButton"))
    try await first.compact()

    let second = try ComponentFolder(root: folder.path, session: "s2")
    let written = try await second.write(componentID: "s2-c1", name: "PayButton", kind: .button, version: 1,
                                         spec: spec("s2-c1.v1"), jsx: jsx("PayButton", "Checkout"))
    try await second.compact()

    #expect(written.path == folder.path + "/src/components/PayButton2.jsx")
    #expect(folder.read("src/components/PayButton.jsx") == jsx("PayButton"))
    #expect(folder.read("src/components/PayButton2.jsx") == jsx("PayButton2", "Checkout"))
    let index = try #require(folder.read("src/components/index.js"))
    #expect(index.contains("export { default as PayButton } from './PayButton.jsx';"))
    #expect(index.contains("export { default as PayButton2 } from './PayButton2.jsx';"))
    let entries = try Manifest.loadCompacted(folder: folder.path).components
    #expect(entries.map { [$0.componentID, $0.session ?? "-", $0.name] } == [["s1-c1", "s1", "PayButton"],
                                                                              ["s2-c1", "s2", "PayButton2"]])
}

@Test func twoProcessesWritingAtOnceLoseNothing() async throws {
    let folder = TempFolder()
    defer { folder.remove() }
    // Two instances stand for two processes: each has its own descriptor on the lock file.
    let a = try ComponentFolder(root: folder.path, session: "a")
    let b = try ComponentFolder(root: folder.path, session: "b")
    let perMeeting = 60
    try await withThrowingTaskGroup(of: Void.self) { group in
        for (session, out) in [("a", a), ("b", b)] {
            group.addTask {
                for i in 1...perMeeting {
                    try await out.write(componentID: "\(session)-c\(i)", name: "Card", kind: .card, version: 1,
                                        spec: spec("\(session)-c\(i).v1", .card), jsx: jsx("Card", "\(session) \(i)"))
                }
            }
        }
        try await group.waitForAll()
    }
    try await a.compact()

    let manifest = try Manifest.loadCompacted(folder: folder.path)
    #expect(manifest.components.count == 2 * perMeeting)
    #expect(Set(manifest.components.map(\.name)).count == 2 * perMeeting, "every component has a name of its own")
    #expect(FileManager.default.fileExists(atPath: folder.path + "/" + ManifestJournal.fileName) == false)
    let index = try #require(folder.read("src/components/index.js"))
    for entry in manifest.components {
        let session = entry.session ?? "?"
        let number = entry.componentID.split(separator: "c").last.map(String.init) ?? "?"
        #expect(folder.read(entry.file) == jsx(entry.name, "\(session) \(number)"), "\(entry.file)")
        #expect(index.contains("export { default as \(entry.name) } from './\(entry.name).jsx';"))
    }
    #expect(!folder.allFiles().contains { $0.contains(AtomicFile.tempPrefix) })
}

@Test func anotherLiveProcessesTemporaryFileIsLeftAlone() throws {
    let folder = TempFolder()
    defer { folder.remove() }
    _ = try ComponentFolder(root: folder.path)
    let exited = Process()
    exited.executableURL = URL(fileURLWithPath: "/bin/true")
    try exited.run()
    exited.waitUntilExit()
    let live = "src/components/\(AtomicFile.tempPrefix)Hero.jsx-\(getpid())-1a2b"
    let dead = "src/components/\(AtomicFile.tempPrefix)Hero.jsx-\(exited.processIdentifier)-3c4d"
    try folder.put("being written", at: live)
    try folder.put("left by a crash", at: dead)

    _ = try ComponentFolder(root: folder.path)
    #expect(folder.read(live) == "being written")
    #expect(folder.read(dead) == nil)
}

@Test func aWriteKilledBeforeItsManifestLineIsAdoptedAtTheNextStart() async throws {
    let folder = TempFolder()
    defer { folder.remove() }
    let out = try ComponentFolder(root: folder.path, session: "s1")
    try await out.write(componentID: "s1-c1", name: "Hero", kind: .hero, version: 1, spec: spec("s1-c1.v1", .hero),
                        jsx: jsx("Hero"))
    try await out.compact()
    try await out.write(componentID: "s1-c2", name: "Pricing", kind: .pricing, version: 1,
                        spec: spec("s1-c2.v1", .pricing), jsx: jsx("Pricing"))
    // kill -9 after the file was renamed into place: its commit line and the index never came.
    let journal = try #require(folder.read(ManifestJournal.fileName))
    let lines = journal.split(separator: "\n")
    #expect(lines.count == 2 && lines[1].contains("\"commit\""))
    try folder.put(String(lines[0]) + "\n", at: ManifestJournal.fileName)
    try folder.put("// Generated by MockPilot on every write; edits here are replaced.\n"
                   + "export { default as Hero } from './Hero.jsx';\n", at: "src/components/index.js")

    _ = try ComponentFolder(root: folder.path, session: "s2")
    #expect(folder.read("src/components/index.js")?.contains("export { default as Pricing } from './Pricing.jsx';") == true)
    let manifest = try Manifest.loadCompacted(folder: folder.path)
    #expect(manifest.components.map(\.componentID) == ["s1-c1", "s1-c2"])
    #expect(manifest.write(specID: "s1-c2.v1")?.file == "src/components/Pricing.jsx")
}

@Test func aWriteKilledBeforeItsFileWasWholeIsForgottenAtTheNextStart() async throws {
    let folder = TempFolder()
    defer { folder.remove() }
    let out = try ComponentFolder(root: folder.path, session: "s1")
    try await out.write(componentID: "s1-c1", name: "Hero", kind: .hero, version: 1, spec: spec("s1-c1.v1", .hero),
                        jsx: jsx("Hero"))
    try await out.write(componentID: "s1-c2", name: "Pricing", kind: .pricing, version: 1,
                        spec: spec("s1-c2.v1", .pricing), jsx: jsx("Pricing"))
    // kill -9 between the begin line and the rename: the file never appeared.
    let journal = try #require(folder.read(ManifestJournal.fileName))
    try folder.put(journal.split(separator: "\n").dropLast().joined(separator: "\n") + "\n", at: ManifestJournal.fileName)
    try FileManager.default.removeItem(atPath: folder.path + "/src/components/Pricing.jsx")

    let reopened = try ComponentFolder(root: folder.path, session: "s2")
    #expect(folder.read("src/components/index.js")?.contains("Pricing") == false)
    #expect(try Manifest.loadCompacted(folder: folder.path).components.map(\.componentID) == ["s1-c1"])
    // The spec was never written, so writing it again does write it.
    let again = try await reopened.write(componentID: "s1-c2", name: "Pricing", kind: .pricing, version: 1,
                                         spec: spec("s1-c2.v1", .pricing), jsx: jsx("Pricing"))
    #expect(folder.read("src/components/Pricing.jsx") == jsx("Pricing"))
    #expect(again.name == "Pricing")
}

/// The manifest used to be rewritten and synced on every write (2 MB at 2,500 components), so
/// each write got slower as the folder grew. Now it is rewritten only when its journal has grown
/// as large as it: a handful of times, not once per component.
@Test func theManifestIsNotRewrittenOnEveryWrite() async throws {
    let folder = TempFolder()
    defer { folder.remove() }
    let out = try ComponentFolder(root: folder.path, session: "s1")
    let manifestPath = folder.path + "/" + Manifest.fileName
    var rewrites = 0
    var stamp = FileStamp(manifestPath)
    let count = 400
    for i in 1...count {
        try await out.write(componentID: "s1-c\(i)", name: "Card", kind: .card, version: 1,
                            spec: spec("s1-c\(i).v1", .card), jsx: jsx("Card", "\(i)"))
        let now = FileStamp(manifestPath)
        if now != stamp { rewrites += 1 }
        stamp = now
    }
    #expect(rewrites <= count / 20, "\(rewrites) rewrites of the manifest for \(count) writes")
    // What a reader loads (manifest plus journal) still holds every component.
    #expect(try Manifest.load(folder: folder.path).components.count == count)
}
