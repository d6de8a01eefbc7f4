import Foundation
import Tensor
import TestSupport
import Testing
@testable import Embedding

@Suite struct SafeTensorsTests {
    func write(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "st-\(UUID().uuidString).safetensors"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func file(header: String, payload: [UInt8]) throws -> String {
        let h = Array(header.utf8)
        let length = (0..<8).map { UInt8((UInt64(h.count) >> (8 * UInt64($0))) & 0xFF) }
        return try write(length + h + payload)
    }

    @Test func readsFloat32AndFloat16() throws {
        let one: [UInt8] = [0, 0, 0x80, 0x3F], two: [UInt8] = [0, 0, 0, 0x40]
        let half: [UInt8] = [0x00, 0x3C, 0x00, 0xC0]  // 1.0, -2.0
        let path = try file(header: #"{"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F16","shape":[1,2],"data_offsets":[8,12]}}"#,
                            payload: one + two + half)
        let st = try SafeTensors(path: path)
        #expect(try st.tensor("a").data == [1, 2])
        #expect(try st.tensor("b", shape: [1, 2]).data == [1, -2])
        #expect(throws: SafeTensorsError.badTensor(name: "a", reason: "shape [2], expected [3]")) { _ = try st.tensor("a", shape: [3]) }
        #expect(throws: SafeTensorsError.badTensor(name: "c", reason: "missing from \(path)")) { _ = try st.tensor("c") }
    }

    @Test func truncatedFilesAreReported() throws {
        let short = try write([1, 2, 3])
        #expect(throws: SafeTensorsError.badFile(path: short, reason: "shorter than its 8-byte header length")) { _ = try SafeTensors(path: short) }
        let past = try file(header: #"{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#, payload: [0, 0, 0, 0])
        #expect(throws: SafeTensorsError.badFile(path: past, reason: "bad entry for a")) { _ = try SafeTensors(path: past) }
        #expect(throws: SafeTensorsError.missingFile(path: "/nonexistent/model.safetensors")) { _ = try SafeTensors(path: "/nonexistent/model.safetensors") }
    }
}

@Suite struct WordPieceTokenizerTests {
    static let tokenizer = try? WordPieceTokenizer(vocabularyPath: ModelPaths.folder + "/all-MiniLM-L6-v2/vocab.txt")

    @Test func basicTokenizationRules() throws {
        let t = try #require(Self.tokenizer)
        #expect(t.basicTokens("Café DÉJÀ-vu!") == ["cafe", "deja", "-", "vu", "!"])
        #expect(t.basicTokens("中文 ok\u{200B}") == ["中", "文", "ok"])
        #expect(t.encode(String(repeating: "a", count: 101)) == [t.cls, t.unk, t.sep])
        #expect(t.encode(String(repeating: "word ", count: 400)).count == 256)
    }
}
