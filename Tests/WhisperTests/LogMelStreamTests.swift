import Foundation
import TestSupport
import Testing
import Capture
@testable import Whisper

@Suite struct LogMelStreamTests {
    /// The spectrogram computed block by block, then floored with the survey's ceiling, is the
    /// whole-recording one whatever the block size (one that splits frames unevenly, one smaller
    /// than a frame, one larger than the file): the same frames, the same ceiling, and values
    /// within a few float32 steps (BLAS rounds a product's row differently with the matrix's
    /// height, and the mel filters are one product per batch of frames instead of one in all).
    @Test(arguments: [1601, 333, 10_000_000])
    func streamedFramesAreTheWholeSpectrogram(block: Int) throws {
        let samples = try AudioFile.decode(path: Fixtures.lines + "/dev-012.wav")
        let whole = LogMel(nMels: 80).compute(samples)
        var stream = LogMelStream(nMels: 80)
        var values: [Float] = []
        var start = 0
        while start < samples.count {
            values += stream.append(Array(samples[start..<min(samples.count, start + block)]))
            start += block
        }
        let (rest, survey) = stream.finish()
        values += rest
        LogMel.normalise(&values, maxLog: survey.maxLog)
        #expect(survey.frames == whole.frames)
        #expect(values.count == whole.values.count)
        let differing = zip(values, whole.values).filter { $0.0 != $0.1 }
        let worst = differing.map { abs($0.0 - $0.1) }.max() ?? 0
        #expect(worst <= 2e-6, "largest difference \(worst)")
        #expect(differing.count * 100 < values.count, "\(differing.count) of \(values.count) values differ")
    }

    /// Clips shorter than one FFT frame, or than a hop, give the same frame count (none, or a
    /// few that read the zero padding) as the whole computation.
    @Test(arguments: [0, 30, 100, 170, 250, 401])
    func tinyClipsGiveTheSameFrames(count: Int) {
        let samples = (0..<count).map { Float(sin(Double($0) * 0.3)) * 0.5 }
        let whole = LogMel(nMels: 80).compute(samples)
        var stream = LogMelStream(nMels: 80)
        var values = stream.append(samples)
        let (rest, survey) = stream.finish()
        values += rest
        LogMel.normalise(&values, maxLog: survey.maxLog)
        #expect(survey.frames == whole.frames)
        #expect(values.map(\.bitPattern) == whole.values.map(\.bitPattern))
    }
}

@Suite(.serialized) struct StreamedTranscriptionTests {
    /// A real 78 s meeting transcribed as `transcribe` now does it (read twice, a block at a
    /// time) says word for word, with the same timestamps and tokens, what the previous
    /// revision's path (the whole recording decoded into memory first) says on it.
    @Test func aMeetingReadAsItIsDecodedSaysWhatTheWholeFileSays() throws {
        let model = try Fixtures.whisper.get()
        let path = Repository.shared.path + "/eval/audio/meetings/meeting_01.wav"
        var session = WhisperSession(model: model, options: TranscriptionOptions())
        let before = try session.transcribe(AudioFile.decode(path: path))

        let first = try AudioFileStream(path: path)
        var mel = LogMelStream(nMels: model.dims.nMels)
        while let block = try first.read(1600) { _ = mel.append(block) }
        let second = try AudioFileStream(path: path)
        var streaming = WhisperSession(model: model, options: TranscriptionOptions())
        let after = try streaming.transcribe(survey: mel.finish().survey) { try second.read(1 << 16) }

        #expect(before.count > 5, "the meeting should have many segments, got \(before.count)")
        #expect(after.map(\.text) == before.map(\.text))
        #expect(after.map(\.tokens) == before.map(\.tokens))
        #expect(after.map(\.start) == before.map(\.start))
        #expect(after.map(\.end) == before.map(\.end))
    }
}
