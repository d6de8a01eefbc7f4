import Foundation
import TestSupport
import Testing
import Capture
@testable import Whisper

@Suite(.serialized) struct WhisperSessionTests {
    /// Same token ids as faster-whisper (CTranslate2, float32, beam 1) on short clips.
    @Test(arguments: ["dev-012", "dev-001", "dev-010"])
    func tokensEqualFasterWhisper(id: String) throws {
        let model = try Fixtures.whisper.get()
        let wav = Fixtures.lines + "/\(id).wav"
        let samples = try AudioFile.decode(path: wav)
        var session = WhisperSession(model: model, options: TranscriptionOptions())
        let segments = try session.transcribe(samples)

        let line = try Fixtures.reference(["transcribe", ModelPaths.whisperTinyEn, wav])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let reference = try #require(json["segments"] as? [[String: Any]])
        #expect(segments.map(\.tokens) == reference.map { ($0["tokens"] as? [Int]) ?? [] })
        #expect(segments.map(\.text) == reference.map { ($0["text"] as? String) ?? "" })
        for (ours, theirs) in zip(segments, reference) {
            #expect(abs(ours.avgLogProb - ((theirs["avg_logprob"] as? Double) ?? 0)) < 0.02)
            #expect(abs(ours.noSpeechProb - ((theirs["no_speech_prob"] as? Double) ?? 0)) < 0.02)
        }
    }

    @Test func shortLineGivesTheExpectedWordsWithSaneTimestamps() throws {
        let model = try Fixtures.whisper.get()
        let samples = try AudioFile.decode(path: Fixtures.lines + "/dev-012.wav")
        var session = WhisperSession(model: model, options: TranscriptionOptions())
        let segments = try session.transcribe(samples, offset: 10)
        let text = segments.map(\.text).joined().lowercased()
        #expect(text.contains("can we make that dark mode"), "got \(text)")
        let duration = Double(samples.count) / 16_000
        var previousEnd = 10.0
        for s in segments {
            #expect(s.start >= previousEnd - 0.001)
            #expect(s.end > s.start)
            #expect(s.end <= 10 + duration + 0.5)
            previousEnd = s.end
        }
    }
}

@Suite(.serialized) struct ShortWindowTests {
    /// A window just longer than the clip (as live partials use) still hears the words, and
    /// the full 30 s window stays the default.
    @Test func aWindowJustLongerThanTheClipHearsTheSameWords() throws {
        let model = try Fixtures.whisper.get()
        let samples = try AudioFile.decode(path: Fixtures.lines + "/dev-012.wav")
        let seconds = Double(samples.count) / 16_000
        var short = WhisperSession(model: model, options: TranscriptionOptions(window: seconds + 2))
        #expect(short.audioFrames < model.dims.nAudioCtx / 2)
        let text = try short.transcribe(samples).map(\.text).joined().lowercased()
        #expect(text.contains("can we make that dark mode"), "got \(text)")
        #expect(WhisperSession(model: model, options: TranscriptionOptions()).audioFrames == model.dims.nAudioCtx)
        #expect(WhisperSession(model: model, options: TranscriptionOptions(window: 90)).audioFrames == model.dims.nAudioCtx)
    }
}

@Suite(.serialized) struct PromptAndFallbackTests {
    /// A design-vocabulary prompt goes in after `<|startofprev|>` exactly as
    /// faster-whisper's initial_prompt does, so the tokens still match.
    @Test func promptedTokensEqualFasterWhisper() throws {
        let model = try Fixtures.whisper.get()
        let prompt = "Stripe, Airbnb, navbar, pill button, mock up, spin up, prototype"
        let wav = Fixtures.lines + "/dev-001.wav"
        var session = WhisperSession(model: model, options: TranscriptionOptions(prompt: prompt))
        let segments = try session.transcribe(try AudioFile.decode(path: wav))
        let line = try Fixtures.reference(["transcribe", ModelPaths.whisperTinyEn, wav, "--prompt", prompt])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let reference = try #require(json["segments"] as? [[String: Any]])
        #expect(segments.map(\.tokens) == reference.map { ($0["tokens"] as? [Int]) ?? [] })
        #expect(segments.map(\.text).joined().contains("Stripe"))
    }

    @Test func sampledFallbackIsReproducibleWithASeed() throws {
        let model = try Fixtures.whisper.get()
        let samples = try AudioFile.decode(path: Fixtures.lines + "/dev-012.wav")
        func sample(seed: UInt64, budget: Int = 224) throws -> [Int] {
            var session = WhisperSession(model: model, options: TranscriptionOptions(seed: seed))
            let features = session.logMel.compute(samples)
            session.state.mel.pointer.update(repeating: 0, count: 3000 * 80)
            features.values.withUnsafeBufferPointer { session.state.mel.pointer.update(from: $0.baseAddress!, count: $0.count) }
            Encoder.encode(model: model, state: session.state)
            return try session.decodeWindow(prompt: [model.tokenizer.startOfTranscript], temperature: 1.0, budget: budget).tokens
        }
        let a = try sample(seed: 7), b = try sample(seed: 7)
        #expect(a == b)
        #expect(a.first.map { $0 >= model.tokenizer.timestampBegin } == true)
        // A window stops at its token budget, however the sampling goes.
        #expect(try sample(seed: 7, budget: 4) == Array(a.prefix(4)))
    }

    /// Short audio gets a small budget, so a repetition loop is cut short; a full 30 s window
    /// keeps Whisper's own limit of 224 tokens.
    @Test func tokenBudgetFollowsTheAudioLength() {
        #expect(WhisperSession.tokenBudget(frames: 3000) > 224)
        #expect(WhisperSession.tokenBudget(frames: 100) == 32)
        #expect(WhisperSession.tokenBudget(frames: 0) == 20)
    }

    @Test func aRepetitiveOrUnlikelySegmentIsDoubtful() {
        func segment(_ text: String, _ logProb: Double) -> TranscriptSegment {
            TranscriptSegment(text: text, start: 0, end: 1, tokens: [], avgLogProb: logProb, noSpeechProb: 0)
        }
        #expect(!segment("Let's build a pricing section with three tiers.", -0.3).isDoubtful)
        #expect(segment("Let's build a pricing section with three tiers.", -1.4).isDoubtful)
        #expect(segment(String(repeating: "Notions, ", count: 12), -0.2).isDoubtful)
    }

    @Test func compressionRatioTracksZlib() throws {
        let texts = [
            "Can we make that dark mode?",
            "Let's build a pricing section with three tiers, kind of like what Stripe has.",
            String(repeating: "the button the button ", count: 20),
            String(repeating: "I'm sorry. ", count: 30),
        ]
        let script = "import sys,zlib\nfor t in sys.stdin.read().split('\\0'): b=t.encode(); print(len(b)/len(zlib.compress(b)))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(texts.joined(separator: "\u{0}").utf8))
        try input.fileHandleForWriting.close()
        let zlib = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").compactMap { Double($0) }
        process.waitUntilExit()
        #expect(zlib.count == texts.count)
        for (text, expected) in zip(texts, zlib) {
            let ours = CompressionRatio.of(text)
            // Same side of Whisper's 2.4 threshold, and close.
            #expect((ours > 2.4) == (expected > 2.4), "\(text.prefix(30)): \(ours) vs zlib \(expected)")
            #expect(abs(ours - expected) / expected < 0.2, "\(text.prefix(30)): \(ours) vs zlib \(expected)")
        }
    }
}

@Suite struct CancellationTests {
    /// A cancelled task stops transcribing in the middle of a decode, at the next token, instead
    /// of finishing the recording. It is cancelled once decoding is seen under way (a flag that is
    /// never set counts the decoder's looks), not after a guessed delay.
    @Test func cancellingTheTaskStopsTranscription() async throws {
        let model = try Fixtures.whisper.get()
        let samples = try AudioFile.decode(path: Repository.shared.path + "/eval/audio/meetings/meeting_01.wav")
        let looks = CancellationFlag()
        let task = Task {
            var session = WhisperSession(model: model, options: TranscriptionOptions())
            session.cancellation = looks
            return try session.transcribe(samples)
        }
        while looks.checks < 8 { await Task.yield() }
        let atCancel = looks.checks
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        #expect(looks.checks <= atCancel + 2, "looked \(looks.checks - atCancel) more times after the task was cancelled")
    }

    /// Off the task tree (a dispatch queue, as live recognition runs it) the session's flag
    /// stops a decode in the middle, at the very next token it looks at.
    @Test func theFlagStopsADecodeOnAThreadAtTheNextToken() async throws {
        let model = try Fixtures.whisper.get()
        let samples = try AudioFile.decode(path: Repository.shared.path + "/eval/audio/meetings/meeting_01.wav")
        let flag = CancellationFlag()
        let result: Task<Result<[TranscriptSegment], Error>, Never> = Task {
            await withCheckedContinuation { done in
                DispatchQueue(label: "test.whisper").async {
                    var session = WhisperSession(model: model, options: TranscriptionOptions())
                    session.cancellation = flag
                    done.resume(returning: Result { try session.transcribe(samples) })
                }
            }
        }
        // Tokens are being decoded once the flag has been looked at a few times.
        while flag.checks < 8 { try await Task.sleep(for: .milliseconds(5)) }
        let atCancel = flag.checks
        flag.cancel()
        let outcome = await result.value
        #expect(throws: CancellationError.self) { _ = try outcome.get() }
        #expect(flag.checks <= atCancel + 2, "looked \(flag.checks - atCancel) more times after being cancelled")
    }
}
