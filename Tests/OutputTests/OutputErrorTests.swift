import Core
import Foundation
import Testing
@testable import Output

/// True when this process may mount a tmpfs (root in a container that allows it).
private let canMount: Bool = {
    guard getuid() == 0 else { return false }
    let probe = TempFolder("mountprobe")
    defer { probe.remove() }
    guard (try? run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.path]))?.status == 0 else {
        return false
    }
    _ = try? run("/bin/umount", [probe.path])
    return true
}()

private func mountTmpfs(_ options: String, at path: String) throws {
    let result = try run("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", path])
    #expect(result.status == 0, "\(result.output)")
}

@Test func aFileWhereTheFolderShouldBeIsNamed() throws {
    let folder = TempFolder()
    defer { folder.remove() }
    try folder.put("not a folder", at: "out")
    #expect(throws: OutputError.notADirectory(path: folder.path + "/out")) {
        try ComponentFolder(root: folder.path + "/out")
    }
    try FileManager.default.createDirectory(atPath: folder.path + "/out2", withIntermediateDirectories: true)
    try folder.put("", at: "out2/src")
    #expect(throws: OutputError.notADirectory(path: folder.path + "/out2/src")) {
        try ComponentFolder(root: folder.path + "/out2")
    }
}

/// A folder replaced by a file after the start (root ignores permission bits; this stops it too):
/// the error names the file in the way, not the component that could not be written.
@Test func aFolderThatBecameAFileIsNamedWhenAComponentIsWritten() async throws {
    let folder = TempFolder()
    defer { folder.remove() }
    let out = try ComponentFolder(root: folder.path + "/out")
    try FileManager.default.removeItem(atPath: folder.path + "/out/src/components")
    try folder.put("not a folder", at: "out/src/components")
    await #expect(throws: OutputError.notADirectory(path: folder.path + "/out/src/components")) {
        try await out.write(componentID: "c1", name: "PayButton", kind: .button, version: 1, spec: spec("c1.v1"),
                            jsx: jsx("PayButton"))
    }
    let line = OutputError.notADirectory(path: folder.path + "/out/src/components").localizedDescription
    #expect(line == "\(folder.path)/out/src/components is a file, not a folder; choose another output folder")
}

@Test func aManifestThatIsNotOursStopsTheStart() throws {
    let folder = TempFolder()
    defer { folder.remove() }
    try folder.put("{\"hello\": 1}", at: Manifest.fileName)
    #expect(throws: OutputError.badManifest(path: folder.path + "/" + Manifest.fileName, reason: "not valid manifest JSON")) {
        try ComponentFolder(root: folder.path)
    }
    #expect(folder.read(Manifest.fileName) == "{\"hello\": 1}")
}

@Test(.enabled(if: canMount, "needs root and mount"))
func aReadOnlyFolderIsReportedWithItsPath() throws {
    let folder = TempFolder()
    defer { folder.remove() }
    try mountTmpfs("ro,size=64k", at: folder.path)
    defer { _ = try? run("/bin/umount", [folder.path]) }
    do {
        _ = try ComponentFolder(root: folder.path)
        Issue.record("a read-only folder was accepted")
    } catch let error as OutputError {
        guard case .notWritable(let path, _) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(path.hasPrefix(folder.path))
        let line = error.localizedDescription
        #expect(line.contains(folder.path) && !line.contains("\n"))
    }
}

@Test(.enabled(if: getuid() != 0, "root ignores permission bits"))
func aFolderWithoutWritePermissionIsReported() throws {
    let folder = TempFolder()
    defer { folder.remove() }
    chmod(folder.path, 0o555)
    defer { chmod(folder.path, 0o755) }
    #expect(throws: OutputError.self) { try ComponentFolder(root: folder.path + "/out") }
}

@Test(.enabled(if: canMount, "needs root and mount"))
func aFullDiskLeavesNothingHalfWritten() async throws {
    let folder = TempFolder()
    defer { folder.remove() }
    try mountTmpfs("size=64k", at: folder.path)
    defer { _ = try? run("/bin/umount", [folder.path]) }

    let out = try ComponentFolder(root: folder.path)
    try await out.write(componentID: "c1", name: "Card", kind: .card, version: 1, spec: spec("c1.v1", .card),
                        jsx: jsx("Card"))
    let manifestBefore = folder.read(Manifest.fileName)
    let huge = jsx("Card", String(repeating: "x", count: 200_000))
    do {
        try await out.write(componentID: "c1", name: "Card", kind: .card, version: 2,
                            spec: spec("c1.v2", .card, version: 2), jsx: huge)
        Issue.record("a 200 KB file fit on a 64 KB disk")
    } catch let error as OutputError {
        #expect(error == .diskFull(path: folder.path + "/src/components/Card.jsx"))
        #expect(error.localizedDescription.contains(folder.path + "/src/components/Card.jsx"))
    }
    #expect(folder.read("src/components/Card.jsx") == jsx("Card"))
    #expect(folder.read(Manifest.fileName) == manifestBefore)
    #expect(!folder.allFiles().contains { $0.contains(AtomicFile.tempPrefix) })

    // With space again the same spec goes through: the failure recorded nothing.
    let v2 = try await out.write(componentID: "c1", name: "Card", kind: .card, version: 2,
                                 spec: spec("c1.v2", .card, version: 2), jsx: jsx("Card", "v2"))
    #expect(!v2.besideEditedFile)
    #expect(folder.read("src/components/Card.jsx") == jsx("Card", "v2"))
}

@Test func errorTextIsOneActionableLineNamingThePath() {
    let errors: [OutputError] = [
        .notWritable(path: "/srv/out", reason: "Permission denied"), .notADirectory(path: "/srv/out"),
        .diskFull(path: "/srv/out"), .writeFailed(path: "/srv/out", reason: "I/O error"),
        .badManifest(path: "/srv/out", reason: "bad"), .wouldOverwrite(path: "/srv/out"),
    ]
    for error in errors {
        let line = error.localizedDescription
        #expect(line.contains("/srv/out"))
        #expect(!line.contains("\n"))
    }
    #expect(OutputError.from(errno: ENOSPC, path: "/x") == .diskFull(path: "/x"))
    #expect(OutputError.from(errno: EROFS, path: "/x") == .notWritable(path: "/x", reason: "Read-only file system"))
}

@Test func aManifestPointingOutsideTheFolderIsRefused() async throws {
    let folder = TempFolder()
    defer { folder.remove() }
    let out = try ComponentFolder(root: folder.path)
    try await out.write(componentID: "c1", name: "Hero", kind: .hero, version: 1, spec: spec("c1.v1", .hero), jsx: jsx("Hero"))
    try await out.compact()
    let manifest = try #require(folder.read(Manifest.fileName))
    try folder.put(manifest.replacingOccurrences(of: "\"name\" : \"Hero\"", with: "\"name\" : \"../../Evil\""),
                   at: Manifest.fileName)
    #expect(throws: OutputError.badManifest(path: folder.path + "/" + Manifest.fileName,
                                            reason: "unsafe component name ../../Evil")) {
        try ComponentFolder(root: folder.path)
    }
    try folder.put(manifest.replacingOccurrences(of: "\"src/components/Hero.jsx\"", with: "\"src/../../x.jsx\""),
                   at: Manifest.fileName)
    #expect(throws: OutputError.badManifest(path: folder.path + "/" + Manifest.fileName,
                                            reason: "unsafe path src/../../x.jsx")) {
        try ComponentFolder(root: folder.path)
    }
}
