import Core
import Foundation
import TestSupport
import Testing
@testable import Transcript

/// A long transcript is read as it plays: its first line comes at once, and memory stays flat.
@Suite struct TranscriptStreamTests {
    @Test func aTwoHundredMegabyteTranscriptStreamsInBoundedMemory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("long.jsonl").path
        let lines = try LongTranscript.write(to: path, megabytes: 200)

        let before = ProcessMemory.residentBytes()
        let started = Date()
        var stream = try TranscriptStream.open(path: path)
        var first: Double?
        var count = 0
        var peak = before
        while let item = try stream.next() {
            guard case .utterance = item else {
                Issue.record("unexpected \(item)")
                continue
            }
            if first == nil { first = Date().timeIntervalSince(started) }
            count += 1
            if count % 1_000 == 0 { peak = max(peak, ProcessMemory.residentBytes()) }
        }
        let firstSeconds = try #require(first)
        #expect(count == lines)
        #expect(stream.format == .jsonLines)
        #expect(firstSeconds < 1, "first utterance after \(firstSeconds) s")
        // Reading the file whole held it twice over (bytes and text): 400 MB and more.
        #expect(peak - before < 64 << 20, "resident memory grew by \((peak - before) >> 20) MB")
    }

    @Test func aStreamGivesItemsInFileOrder() throws {
        var stream = TranscriptStream(text: "{\"text\":\"a\"}\n{\"text\": oops\n{\"text\":\"b\"}\n", file: "t.jsonl")
        var seen: [String] = []
        while let item = try stream.next() {
            switch item {
            case .utterance(let u): seen.append(u.msg.text)
            case .warning(let w), .notice(let w): seen.append("line \(w.line)")
            }
        }
        #expect(seen == ["a", "line 2", "b"])
    }

    @Test func nothingUsableIsOneErrorBeforeAnyUtterance() {
        var stream = TranscriptStream(text: "{\"ts_start\":1}\n{\"ts_start\":2}\n", file: "t.jsonl")
        #expect(throws: TranscriptError.unreadable(file: "t.jsonl", reason: "line 1: missing field 'text'")) {
            try stream.requireUtterance()
        }
    }
}

/// A long meeting in TranscriptMsg JSON Lines, written a block at a time.
enum LongTranscript {
    /// Writes about `megabytes` MB and returns how many lines it holds.
    static func write(to path: String, megabytes: Int) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? handle.close() }
        let words = String(repeating: "let's build a pill shaped pay button like stripe ", count: 60)
        var written = 0
        var lines = 0
        var block = ""
        while written < megabytes << 20 {
            let line = "{\"text\":\"\(words)\",\"ts_start\":\(lines * 3),\"ts_end\":\(lines * 3 + 2),\"speaker\":\"Ana\"}\n"
            block += line
            lines += 1
            if block.utf8.count > 1 << 20 {
                written += block.utf8.count
                try handle.write(contentsOf: Data(block.utf8))
                block = ""
            }
        }
        try handle.write(contentsOf: Data(block.utf8))
        return lines
    }
}
