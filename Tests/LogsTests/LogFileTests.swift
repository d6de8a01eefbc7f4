import Foundation
import Logging
import Testing
@testable import Logs

/// The log file on a real temporary folder: one line per message, rotation at the size limit
/// with only `keep` older files, and nothing lost between them.
struct LogFileTests {
    struct Folder {
        let path = NSTemporaryDirectory() + "mockpilot-log-\(UUID().uuidString.prefix(8))"
        var log: String { path + "/state/mockpilot/mockpilot.log" }
        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    static func lines(_ path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func rotatesAtTheLimitAndKeepsOnlyTheNewestFiles() throws {
        let folder = Folder()
        defer { folder.remove() }
        let file = try LogFile(path: folder.log, maxBytes: 400, keep: 2)
        let logger = Logger(label: "test") { FileLogHandler(label: $0, file: file) }
        for number in 1...40 { logger.info("line \(number)") }

        let manager = FileManager.default
        #expect(manager.fileExists(atPath: folder.log + ".1"))
        #expect(manager.fileExists(atPath: folder.log + ".2"))
        #expect(!manager.fileExists(atPath: folder.log + ".3"), "keeps two older files, not three")
        for path in [folder.log, folder.log + ".1", folder.log + ".2"] {
            let size = (try manager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            #expect(size > 0 && size <= 400, "\(path) is \(size) bytes")
        }
        // Oldest kept file first: the numbers run on without a gap up to the last line written.
        let kept = Self.lines(folder.log + ".2") + Self.lines(folder.log + ".1") + Self.lines(folder.log)
        let numbers = kept.compactMap { line in line.split(separator: " ").last.flatMap { Int($0) } }
        #expect(numbers.count == kept.count)
        #expect(numbers.last == 40)
        #expect(numbers == Array((41 - numbers.count)...40))
        #expect(numbers.count < 40, "old lines were dropped")
    }

    @Test func aMessageIsOneLineWithItsLevelLabelAndMetadata() throws {
        let folder = Folder()
        defer { folder.remove() }
        let file = try LogFile(path: folder.log)
        var logger = Logger(label: "mockpilot.test") { FileLogHandler(label: $0, file: file, level: .info) }
        logger[metadataKey: "session"] = "s1"
        logger.info("first\nforged 2026-01-01 info line", metadata: ["path": "/a b", "status": "200"])
        logger.debug("below the level")
        logger.error("second")

        let lines = Self.lines(folder.log)
        #expect(lines.count == 2, "\(lines)")
        let first = try #require(lines.first)
        #expect(first.contains(" info mockpilot.test: first\\nforged 2026-01-01 info line"))
        #expect(first.hasSuffix(#" path="/a b" session=s1 status=200"#), "\(first)")
        #expect(lines.last?.contains(" error mockpilot.test: second") == true)
        // A new LogFile on the same path appends.
        let again = try LogFile(path: folder.log)
        Logger(label: "x") { FileLogHandler(label: $0, file: again) }.notice("third")
        #expect(Self.lines(folder.log).count == 3)
    }

    @Test func theDefaultPathIsUnderXDGStateHome() {
        #expect(LogFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/mockpilot/mockpilot.log")
        #expect(LogFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/mockpilot/mockpilot.log")
    }

    @Test func aFolderThatCannotBeMadeIsAClearError() {
        #expect(throws: LogError.self) { try LogFile(path: "/proc/mockpilot/mockpilot.log") }
    }
}
