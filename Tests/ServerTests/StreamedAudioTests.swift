import Testing
@testable import Server

/// PCM16 frames as a client cuts them (any length, a sample split across two) become 100 ms chunks.
struct StreamedAudioTests {
    @Test func framesOfAnyLengthBecomeWholeChunksInOrder() async throws {
        let audio = StreamedAudio(description: "test")
        // 2000 samples: 0x0001 repeated, then -32768 (0x8000) once, sent in pieces of 3 bytes.
        var bytes: [UInt8] = []
        for _ in 0..<1999 { bytes += [0x01, 0x00] }
        bytes += [0x00, 0x80]
        var offset = 0
        while offset < bytes.count {
            audio.append(pcm16: bytes[offset..<min(offset + 3, bytes.count)])
            offset += 3
        }
        audio.finish()
        var chunks: [[Float]] = []
        var starts: [Int] = []
        for try await chunk in audio.chunks() {
            chunks.append(chunk.samples)
            starts.append(chunk.startSample)
        }
        #expect(chunks.map(\.count) == [1600, 400])
        #expect(starts == [0, 1600])
        #expect(chunks.first?.first == 1.0 / 32768)
        #expect(chunks.last?.last == -1)
    }
}
