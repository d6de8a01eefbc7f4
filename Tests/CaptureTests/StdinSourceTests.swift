import Foundation
import Testing
@testable import Capture

/// `-` reads raw s16le 16 kHz mono from stdin. The test process's fd 0 is pointed at a pipe
/// for the duration, then restored; nothing else in the test run reads stdin.
@Suite(.serialized) struct StdinSourceTests {
    func withStdin<T>(_ bytes: Data, _ body: () async throws -> T) async throws -> T {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let saved = dup(0)
        dup2(fds[0], 0)
        close(fds[0])
        let writer = FileHandle(fileDescriptor: fds[1], closeOnDealloc: true)
        let thread = Thread {
            writer.write(bytes)
            try? writer.close()
        }
        thread.start()
        defer {
            dup2(saved, 0)
            close(saved)
        }
        return try await body()
    }

    @Test func rawStdinIsChunkedExactly() async throws {
        // 1.05 s of a ramp: every sample value is checkable.
        let values: [Int16] = (0..<16800).map { Int16(truncatingIfNeeded: $0 * 3 - 20000) }
        var bytes = Data()
        for v in values { bytes.append(contentsOf: [UInt8(truncatingIfNeeded: v), UInt8(truncatingIfNeeded: v >> 8)]) }
        let chunks = try await withStdin(bytes) {
            var got: [AudioChunk] = []
            for try await chunk in FileSource(path: "-", realtime: false).chunks() { got.append(chunk) }
            return got
        }
        #expect(chunks.map(\.startSample) == Array(stride(from: 0, to: 16800, by: 1600)))
        let samples = chunks.flatMap(\.samples)
        #expect(samples == values.map { Float($0) / 32768 })
        #expect(FileSource(path: "-", realtime: false).description == "stdin (s16le 16 kHz mono)")
    }
}
