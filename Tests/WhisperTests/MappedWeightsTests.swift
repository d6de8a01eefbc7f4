import Foundation
import TestSupport
import Testing
import Capture
@testable import Whisper

/// `model.f32`: written at the first load of a model folder, mapped at the next ones.
@Suite(.serialized) struct MappedWeightsTests {
    /// A model folder of its own in a temporary directory: a copy of tiny.en's model.bin (so
    /// its modification time can change) and links to the rest.
    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mapped-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ModelPaths.whisperTinyEn + "/model.bin", toPath: dir + "/model.bin")
        for name in ["config.json", "vocabulary.txt", "tokenizer.json"] {
            try FileManager.default.createSymbolicLink(atPath: dir + "/" + name, withDestinationPath: ModelPaths.whisperTinyEn + "/" + name)
        }
        return dir
    }

    @Test func theSecondLoadMapsWhatTheFirstConvertedAndHearsTheSame() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let converted = try WhisperModel.load(directory: dir)
        #expect(FileManager.default.fileExists(atPath: dir + "/model.f32"), "the first load writes model.f32")
        #expect(MappedWeights.open(path: dir + "/model.f32", sourcePath: dir + "/model.bin") != nil)
        let mapped = try WhisperModel.load(directory: dir)

        #expect(mapped.dims == converted.dims)
        #expect(mapped.tokenEmbedding.data == converted.tokenEmbedding.data)
        #expect(mapped.conv1.weight.shape == [384, 240])
        #expect(mapped.conv2.weight.data == converted.conv2.weight.data)
        #expect(mapped.decoderLayers[3].fc2.weight.data == converted.decoderLayers[3].fc2.weight.data)
        #expect(mapped.encoderLN.gamma.data == converted.encoderLN.gamma.data)

        let samples = try AudioFile.decode(path: Fixtures.lines + "/dev-012.wav")
        var a = WhisperSession(model: converted, options: TranscriptionOptions())
        var b = WhisperSession(model: mapped, options: TranscriptionOptions())
        let expected = try a.transcribe(samples)
        #expect(!expected.isEmpty)
        #expect(try b.transcribe(samples).map(\.tokens) == expected.map(\.tokens))
    }

    /// A damaged payload, an older layout or a model.bin changed since is not mapped: the model
    /// loads from model.bin and writes a fresh model.f32.
    @Test func aDamagedOrStaleFileIsReplaced() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/model.f32", source = dir + "/model.bin"
        _ = try WhisperModel.load(directory: dir)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count - 4_000_000] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(MappedWeights.open(path: path, sourcePath: source) == nil, "a flipped bit fails the checksum")
        _ = try WhisperModel.load(directory: dir)
        #expect(MappedWeights.open(path: path, sourcePath: source) != nil, "loading wrote a good one again")

        // A file in the first layout (version 1, no element types) is made again in this one.
        bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[8] = 1
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(MappedWeights.open(path: path, sourcePath: source) == nil, "an older layout")
        _ = try WhisperModel.load(directory: dir)
        #expect(MappedWeights.open(path: path, sourcePath: source) != nil)

        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: source)
        #expect(MappedWeights.open(path: path, sourcePath: source) == nil, "made from another model.bin")
        _ = try WhisperModel.load(directory: dir)
        #expect(MappedWeights.open(path: path, sourcePath: source) != nil)
    }
}
