import Foundation
import Testing
import TestSupport
@testable import Server

/// The ustar writer, read back by GNU tar: nested folders, a path past ustar's 100-byte name
/// field (split into its prefix), sizes on and off the 512-byte block, and an empty file.
struct TarArchiveTests {
    @Test func gnuTarUnpacksWhatWasPacked() throws {
        let base = NSTemporaryDirectory() + "mockpilot-tar-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: base) }
        let deep = "src/" + String(repeating: "a", count: 60) + "/" + String(repeating: "b", count: 60)
        let files: [String: Data] = [
            "transcript.md": Data("# Meeting\n".utf8),
            "src/components/PayButton.jsx": Data(repeating: 0x61, count: 512),
            "src/components/Card.jsx": Data(repeating: 0x62, count: 1_300),
            deep + "/Long.jsx": Data("export default 1;\n".utf8),
            "empty.txt": Data(),
        ]
        for (path, data) in files {
            let url = URL(fileURLWithPath: base + "/in/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let archive = try TarArchive.archive(folder: URL(fileURLWithPath: base + "/in"), root: "s1")
        #expect(archive.count % 512 == 0)
        try archive.write(to: URL(fileURLWithPath: base + "/a.tar"))
        try FileManager.default.createDirectory(atPath: base + "/out", withIntermediateDirectories: true)
        try Program.run("/usr/bin/tar", ["-xf", base + "/a.tar", "-C", base + "/out"])
        for (path, data) in files {
            #expect(FileManager.default.contents(atPath: base + "/out/s1/" + path) == data, "\(path)")
        }
        let listed = try Program.run("/usr/bin/tar", ["-tf", base + "/a.tar"]).split(separator: "\n")
        #expect(listed.contains("s1/\(deep)/Long.jsx"[...]))
    }

    @Test func aNameUstarCannotHoldIsRefused() {
        let name = String(repeating: "x", count: 120)
        #expect(throws: TarArchive.Failure.nameTooLong(name)) { try TarArchive.split(name) }
    }
}
