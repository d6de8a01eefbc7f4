import Foundation
import TestSupport
import Testing
import Capture
@testable import Whisper

@Suite struct WhisperModelTests {
    @Test func loadsTinyEnWithDimensionsFromTheFile() throws {
        let model = try Fixtures.whisper.get()
        #expect(model.name == "whisper-tiny.en")
        #expect(model.dims == WhisperModel.Dimensions(
            nMels: 80, nAudioCtx: 1500, nAudioState: 384, nAudioHead: 6, nAudioLayer: 4,
            nVocab: 51864, nTextCtx: 448, nTextState: 384, nTextHead: 6, nTextLayer: 4))
        #expect(model.encoderLayers[0].attnQKV.weight.shape == [1152, 384])
        #expect(model.decoderLayers[3].crossKV.weight.shape == [768, 384])
        #expect(model.conv1.weight.shape == [384, 240])
        let t = model.tokenizer
        #expect((t.endOfText, t.startOfTranscript, t.startOfPrevious, t.noSpeech, t.noTimestamps, t.timestampBegin)
            == (50256, 50257, 50360, 50361, 50362, 50363))
        #expect(!t.isMultilingual)
        #expect(try t.startSequence(language: "en") == [50257])
        #expect(model.suppressAtBegin == [220, 50256])
        // float16 weights came through: a layer norm gain is near 1, not garbage.
        let gamma = model.encoderLN.gamma.data
        #expect(gamma.allSatisfy { $0.isFinite && abs($0) < 100 })
    }

    @Test func missingFolderSaysHowToGetAModel() {
        #expect {
            _ = try WhisperModel.load(directory: "/nonexistent/whisper")
        } throws: { error in
            error as? WhisperError == .modelMissing(path: "/nonexistent/whisper")
                && (error.localizedDescription.contains("make models"))
        }
    }

    @Test func missingModelBin() throws {
        let dir = try TempModel.make(modelBin: nil)
        defer { TempModel.remove(dir) }
        #expect(throws: WhisperError.modelMissing(path: dir + "/model.bin")) { try WhisperModel.load(directory: dir) }
    }

    @Test func truncatedFileIsCorrupt() throws {
        let real = try Data(contentsOf: URL(fileURLWithPath: ModelPaths.whisperTinyEn + "/model.bin"))
        let dir = try TempModel.make(modelBin: real.prefix(200_000))
        defer { TempModel.remove(dir) }
        let error = try #require(throws: WhisperError.self) { try WhisperModel.load(directory: dir) }
        #expect(error.localizedDescription.contains("truncated"), "\(error.localizedDescription)")
        #expect(error.localizedDescription.contains("make models"))
    }

    @Test func badVersionIsCorrupt() throws {
        let dir = try TempModel.make(modelBin: Data("GGML not a ctranslate2 file".utf8))
        defer { TempModel.remove(dir) }
        let error = try #require(throws: WhisperError.self) { try WhisperModel.load(directory: dir) }
        #expect(error.localizedDescription.contains("not a CTranslate2 model.bin"), "\(error.localizedDescription)")
    }

    @Test func missingTensorIsNamed() throws {
        var real = try Data(contentsOf: URL(fileURLWithPath: ModelPaths.whisperTinyEn + "/model.bin"))
        // Rename one variable in place (same length), as a damaged or foreign file would have it.
        let name = Data("encoder/layer_norm/gamma".utf8)
        let range = try #require(real.range(of: name))
        real[range.upperBound - 1] = UInt8(ascii: "b")
        let dir = try TempModel.make(modelBin: real)
        defer { TempModel.remove(dir) }
        #expect(throws: WhisperError.modelCorrupt(path: dir + "/model.bin", reason: "missing tensor encoder/layer_norm/gamma")) {
            try WhisperModel.load(directory: dir)
        }
    }

    /// Shapes whose element or byte count overflows 64 bits, as random damage can produce: an
    /// error naming the variable, never an arithmetic trap.
    @Test(arguments: [[0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF], [1 << 31, 1 << 31]])
    func aShapeThatOverflowsIsCorrupt(shape: [Int]) throws {
        let body = CT2Writer.variable("encoder/conv1/weight", shape: shape, dtype: 0, bytes: Data(count: 8))
        let path = try TempModel.write(CT2Writer.file(spec: "WhisperSpec", variables: 1, body: body, aliases: []))
        defer { TempModel.remove(path) }
        #expect(throws: WhisperError.modelCorrupt(path: path, reason: "variable encoder/conv1/weight has an impossible shape \(shape)")) {
            try CTranslate2File(path: path)
        }
    }

    /// A head count of zero (or a float one that is not a number) in an otherwise real model is
    /// reported as inconsistent dimensions, not a division by zero.
    @Test func aZeroHeadCountIsCorrupt() throws {
        var real = try Data(contentsOf: URL(fileURLWithPath: ModelPaths.whisperTinyEn + "/model.bin"))
        // name, NUL, rank 0, dtype int16, 2 bytes, then the value 6.
        let marker = Data("decoder/num_heads".utf8) + Data([0, 0, 2, 2, 0, 0, 0])
        let range = try #require(real.range(of: marker))
        real[range.upperBound] = 0
        real[range.upperBound + 1] = 0
        let dir = try TempModel.make(modelBin: real)
        defer { TempModel.remove(dir) }
        let error = try #require(throws: WhisperError.self) { try WhisperModel.load(directory: dir) }
        #expect(error.localizedDescription.contains("inconsistent dimensions"), "\(error.localizedDescription)")

        var body = Data()
        body.append(CT2Writer.variable("nan", shape: [], dtype: 0, bytes: [Float.nan].withUnsafeBytes { Data($0) }))
        body.append(CT2Writer.variable("half", shape: [1], dtype: 0, bytes: [Float(2.5)].withUnsafeBytes { Data($0) }))
        let path = try TempModel.write(CT2Writer.file(spec: "S", variables: 2, body: body, aliases: []))
        defer { TempModel.remove(path) }
        let file = try CTranslate2File(path: path)
        #expect(file.scalar("nan") == nil && file.scalar("half") == nil)
    }

    @Test func int8WeightsAreDividedByTheirRowScales() throws {
        let q: [Int8] = [127, -64, 0, 10, 20, -127]
        let scales: [Float] = [127, 10]   // CTranslate2 stores 127 / max|row|
        var body = Data()
        body.append(CT2Writer.variable("dense/weight", shape: [2, 3], dtype: 1, bytes: Data(q.map { UInt8(bitPattern: $0) })))
        body.append(CT2Writer.variable("dense/weight_scale", shape: [2], dtype: 0, bytes: scales.withUnsafeBytes { Data($0) }))
        let path = try TempModel.write(CT2Writer.file(spec: "TestSpec", variables: 2, body: body, aliases: [("alias/weight", "dense/weight")]))
        let file = try CTranslate2File(path: path)
        #expect(file.specName == "TestSpec")
        let w = try file.tensor("dense/weight", shape: [2, 3])
        #expect(w.data == [1, -64.0 / 127, 0, 1, 2, -12.7])
        #expect(try file.tensor("alias/weight").data == w.data)
        #expect(throws: WhisperError.modelCorrupt(path: path, reason: "tensor dense/weight has shape [2, 3], expected [3, 2]")) {
            try file.tensor("dense/weight", shape: [3, 2])
        }
    }

    /// A whole int8 model, quantised the way CTranslate2 does it (faster-whisper loads
    /// the same file), loads with the same dimensions and still hears the words.
    @Test func int8ModelLoadsAndTranscribes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("whisper-int8-\(UUID().uuidString)").path
        defer { TempModel.remove(dir) }
        _ = try Fixtures.referenceScript("quantize_int8.py", [ModelPaths.whisperTinyEn, dir])
        let int8 = try WhisperModel.load(directory: dir)
        let float16 = try Fixtures.whisper.get()
        #expect(int8.dims == float16.dims)
        // Dequantised weights are within one quantisation step of the originals.
        let a = int8.decoderLayers[0].fc1.weight.data, b = float16.decoderLayers[0].fc1.weight.data
        let rowMax = b[0..<384].map(abs).max() ?? 1
        #expect(zip(a[0..<384], b[0..<384]).allSatisfy { abs($0 - $1) <= rowMax / 127 })
        var session = WhisperSession(model: int8, options: TranscriptionOptions())
        let text = try session.transcribe(try AudioFile.decode(path: Fixtures.lines + "/dev-012.wav")).map(\.text).joined()
        #expect(text.lowercased().contains("can we make that dark mode"), "got \(text)")
    }

    @Test func float32AndFloat16Decode() throws {
        let f32: [Float] = [1.5, -2, 0.25]
        let f16: [UInt16] = [Float16(0.5).bitPattern, Float16(-3).bitPattern]
        var body = Data()
        body.append(CT2Writer.variable("a", shape: [3], dtype: 0, bytes: f32.withUnsafeBytes { Data($0) }))
        body.append(CT2Writer.variable("b", shape: [1, 2], dtype: 4, bytes: f16.withUnsafeBytes { Data($0) }))
        body.append(CT2Writer.variable("n", shape: [], dtype: 2, bytes: [Int16(6)].withUnsafeBytes { Data($0) }))
        let file = try CTranslate2File(path: try TempModel.write(CT2Writer.file(spec: "S", variables: 3, body: body, aliases: [])))
        #expect(try file.tensor("a").data == f32)
        #expect(try file.tensor("b").data == [0.5, -3])
        #expect(file.scalar("n") == 6)
    }
}

/// Writes CTranslate2 model.bin bytes (version 6) for tests.
enum CT2Writer {
    static func string(_ s: String) -> Data {
        var d = Data()
        let bytes = Array(s.utf8)
        d.append(contentsOf: withUnsafeBytes(of: UInt16(bytes.count + 1).littleEndian) { Array($0) })
        d.append(contentsOf: bytes)
        d.append(0)
        return d
    }

    static func u32(_ v: Int) -> Data { withUnsafeBytes(of: UInt32(v).littleEndian) { Data($0) } }

    static func variable(_ name: String, shape: [Int], dtype: UInt8, bytes: Data) -> Data {
        var d = string(name)
        d.append(UInt8(shape.count))
        for s in shape { d.append(u32(s)) }
        d.append(dtype)
        d.append(u32(bytes.count))
        d.append(bytes)
        return d
    }

    static func file(spec: String, variables: Int, body: Data, aliases: [(String, String)]) -> Data {
        var d = u32(6)
        d.append(string(spec))
        d.append(u32(1))
        d.append(u32(variables))
        d.append(body)
        d.append(u32(aliases.count))
        for (a, t) in aliases { d.append(string(a)); d.append(string(t)) }
        return d
    }
}

/// Temporary model folders: the real config and vocabulary beside a test model.bin.
enum TempModel {
    static func make(modelBin: Data?) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("whisper-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for name in ["config.json", "vocabulary.txt"] {
            try FileManager.default.createSymbolicLink(atPath: dir + "/" + name, withDestinationPath: ModelPaths.whisperTinyEn + "/" + name)
        }
        if let modelBin { try modelBin.write(to: URL(fileURLWithPath: dir + "/model.bin")) }
        return dir
    }

    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    static func write(_ data: Data) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ct2-\(UUID().uuidString).bin").path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }
}
