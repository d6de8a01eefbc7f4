import Foundation
import TestSupport
import Testing
@testable import Insight

/// A dump far bigger than a batch goes in with flat memory: lines are streamed and posts stored
/// a batch at a time, so resident memory grows by a small fraction of the file.
@Suite(.serialized) struct DumpImportMemoryTests {
    /// The highest resident size seen by a thread polling while `body` runs.
    final class PeakSampler: @unchecked Sendable {
        private let lock = NSLock()
        private var peak = 0
        private var running = true

        func start() {
            Thread.detachNewThread {
                while self.lock.withLock({ self.running }) {
                    let now = ProcessMemory.residentBytes()
                    self.lock.withLock { self.peak = max(self.peak, now) }
                    Thread.sleep(forTimeInterval: 0.01)
                }
            }
        }

        func stop() -> Int { lock.withLock { running = false; return peak } }
    }

    /// Pushshift lines carry kilobytes of metadata beside the text; here `padding` bytes of it per post
    /// (large, so the file is big while the embedding work stays small).
    static func writeDump(path: String, posts: Int, from first: Int, padding: Int) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? out.close() }
        let junk = String(repeating: "x", count: padding)
        let words = ["pill", "button", "gradient", "hover", "checkout", "navbar", "modal", "card", "toggle", "shadow"]
        var chunk = ""
        for i in first..<(first + posts) {
            let text = "Post \(i): the \(words[i % 10]) \(words[(i / 10) % 10]) looks \(i % 3 == 0 ? "great" : "awful")"
            chunk += #"{"id":"m\#(i)","author":"u\#(i % 97)","subreddit":"web_design","title":"\#(text)","selftext":"","created_utc":\#(1_700_000_000 + i),"score":\#(i % 50),"permalink":"/r/web_design/comments/m\#(i)/","media_metadata":"\#(junk)"}"#
            chunk += "\n"
            if chunk.utf8.count > 1 << 20 {
                out.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        out.write(Data(chunk.utf8))
    }

    @Test func aLargeDumpIsStoredWithBoundedMemory() async throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let service = try InsightService(databasePath: dir + "/mockpilot.sqlite", modelsDirectory: ModelPaths.folder)
        // Warm up every path first (model scratch, SQLite caches) so only the import's own growth counts.
        try Self.writeDump(path: dir + "/warm.jsonl", posts: 100, from: 0, padding: 125_000)
        _ = try await service.mine("x", from: .file(dir + "/warm.jsonl"), sources: SourceConfiguration())
        let big = dir + "/big.jsonl"
        try Self.writeDump(path: big, posts: 700, from: 100, padding: 125_000)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: big)[.size] as? NSNumber).intValue
        #expect(size > 85_000_000)

        let before = ProcessMemory.residentBytes()
        let sampler = PeakSampler()
        sampler.start()
        let result = try await service.mine("x", from: .file(big), sources: SourceConfiguration())
        let peak = sampler.stop()
        #expect(result.report == IngestReport(fetched: 700, new: 700, duplicates: 0))
        #expect(try await service.store.count() == 800)
        let growth = max(0, peak - before)
        // A whole-file read alone would be 88 MB; a batch of lines is a few.
        #expect(growth < 40_000_000, "resident grew by \(growth / 1_000_000) MB reading a \(size / 1_000_000) MB dump")
        print("dump import: \(size / 1_000_000) MB file, resident grew \(growth / 1_000_000) MB")
    }
}
