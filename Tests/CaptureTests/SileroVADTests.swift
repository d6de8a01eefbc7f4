import Foundation
import TestSupport
import Testing
@testable import Capture

/// Silero VAD on the Tensor code against its Python reference (scripts/reference/
/// silero_reference.py in the reference venv): per 32 ms chunk, the Swift probability within
/// 0.01 of onnxruntime running Silero's ONNX export (with the ONNX's own weights, which the
/// script writes out), and within 0.01 of the same graph in numpy on the wheel's safetensors,
/// the weights MockPilot runs. Audio: 40 s of a dev meeting with room noise, and sox pink noise.
@Suite struct SileroVADTests {
    static let modelDirectory = ModelPaths.folder + "/silero-vad"
    static let model = InstalledModel("Silero VAD", directory: modelDirectory) { try SileroWeights(directory: $0) }

    struct Reference: Decodable {
        struct File: Decodable {
            let path: String
            let onnx: [Float]
            let wheel: [Float]
        }
        let files: [File]
        let graph_max_diff: Double
    }

    /// The probability of every whole chunk of `path`, streamed as one recording.
    static func probabilities(_ path: String, weights: SileroWeights) throws -> [Float] {
        let samples = try AudioFile.decode(path: path)
        var vad = SileroVAD(weights: weights)
        var out: [Float] = []
        samples.withUnsafeBufferPointer { all in
            var i = 0
            while i + SileroVAD.chunkLength <= all.count {
                out.append(vad.probability(of: UnsafeBufferPointer(rebasing: all[i..<i + SileroVAD.chunkLength])))
                i += SileroVAD.chunkLength
            }
        }
        return out
    }

    static func maxDifference(_ a: [Float], _ b: [Float]) -> Float {
        zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
    }

    @Test func matchesTheONNXReferenceChunkByChunk() throws {
        let wheel = try Self.model.get()
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let meeting = Repository.shared.appendingPathComponent("eval/audio/meetings/meeting_03.wav").path
        let excerpt = fixtures.path("meeting.wav")
        try Fixtures.run("sox", [meeting, "-r", "16000", "-c", "1", "-b", "16", excerpt, "trim", "0", "40"])
        let noise = try fixtures.synth("noise.wav", format: ["-r", "16000", "-c", "1", "-b", "16"], seconds: 8,
                                       ["pinknoise", "vol", "0.1"])
        let onnxWeightsPath = fixtures.path("onnx-weights.safetensors")

        let python = try ReferencePython.fasterWhisper()
        let json = try Program.run(python, [Repository.root.path + "/scripts/reference/silero_reference.py",
                                            Self.modelDirectory, onnxWeightsPath, excerpt, noise])
        let reference = try JSONDecoder().decode(Reference.self, from: Data(json.utf8))
        let onnxWeights = try SileroWeights(path: onnxWeightsPath)

        #expect(reference.files.count == 2)
        for file in reference.files {
            let swiftONNX = try Self.probabilities(file.path, weights: onnxWeights)
            let swiftWheel = try Self.probabilities(file.path, weights: wheel)
            #expect(swiftONNX.count == file.onnx.count && swiftWheel.count == file.wheel.count)
            let onnxDiff = Self.maxDifference(swiftONNX, file.onnx)
            let wheelDiff = Self.maxDifference(swiftWheel, file.wheel)
            print("silero parity \(URL(fileURLWithPath: file.path).lastPathComponent): \(file.onnx.count) chunks,",
                  "max |swift - onnxruntime| \(onnxDiff), max |swift - numpy on the wheel weights| \(wheelDiff)")
            #expect(onnxDiff < 0.01, "\(file.path): Swift differs from onnxruntime by \(onnxDiff)")
            #expect(wheelDiff < 0.01, "\(file.path): Swift differs from the numpy reference by \(wheelDiff)")
        }
        // The meeting holds speech and the noise holds none: the probabilities must say so,
        // or a model that always answered 0 would pass the comparison above.
        let meetingSpeech = try Self.probabilities(excerpt, weights: wheel).filter { $0 >= 0.5 }.count
        let noiseSpeech = try Self.probabilities(noise, weights: wheel).filter { $0 >= 0.5 }.count
        #expect(meetingSpeech > 300, "only \(meetingSpeech) speech chunks in 40 s of meeting")
        #expect(noiseSpeech == 0, "\(noiseSpeech) chunks of pink noise taken for speech")
    }

    @Test func missingWeightsSayHowToInstallThem() {
        let path = "/nonexistent/silero-vad"
        #expect(throws: CaptureError.badModel(path: path + "/" + SileroWeights.fileName, reason: "not found")) {
            try SileroWeights(directory: path)
        }
        let message = CaptureError.badModel(path: "x", reason: "not found").errorDescription ?? ""
        #expect(message.contains("make models"))
    }
}
