import ArgumentParser
import Brands
import Speech
import Capture
import Config
import Core
import Foundation
import Whisper

/// `mockpilot transcribe AUDIO`: speech to TranscriptMsg JSON Lines (or text, WebVTT, SRT)
/// with the native Whisper.
struct TranscribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcribe",
        abstract: "Transcribe an audio file (WAV, Ogg Opus) with Whisper.",
        discussion: """
        Writes one line per segment: JSON Lines with text, ts_start and ts_end by default. \
        The model is a CTranslate2 (faster-whisper) folder; `make models` installs Whisper tiny.en.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, text, vtt, srt
    }

    @Argument(help: "The audio files to transcribe (with several, each JSON line's id is the file name).")
    var audio: [String]

    @Option(help: "Whisper model: tiny.en or base (from `make models`), or a CTranslate2 Whisper folder (model.bin, config.json, vocabulary.txt).")
    var model: String?

    @Option(help: "Output format: jsonl, text, vtt or srt.")
    var format: Format = .jsonl

    @Option(help: "Words to bias recognition toward, e.g. \"Stripe, navbar, pill button\".")
    var prompt: String?

    @Flag(help: "Bias recognition toward design words (brands, components, cue phrases), as `run` does.")
    var designPrompt = false

    @Option(help: "With --design-prompt: the decoder's bonus (natural log, per token) for tokens that start or continue a design word; 0 turns it off.")
    var designBias: Float = DesignPrompt.defaultBiasBonus

    @Option(help: "Spoken language: auto (a multilingual model such as base detects it from each file's first 30 s and says so on stderr), or a code the model knows (en, de, fr, ...); English-only models (tiny.en) take only en.")
    var language = TranscriptionOptions.autoLanguage

    @Option(help: "Threads for the model's arithmetic (matrix products, spectra).")
    var threads: Int = 2

    @Flag(help: "Decode greedily only, without the temperature fallback.")
    var noFallback = false

    @Flag(help: "Cut the audio into utterances by voice activity first and decode each on its own, as `run` does. Use it with a prompt on long recordings: over a whole 30 s window a prompt makes Whisper keep one sentence and skip the rest.")
    var vad = false

    @Option(help: "Voice detector: energy (built in) or silero (Silero VAD v6; `make models` installs it).")
    var vadDetector: VoiceDetectorName = .energy

    @Option(help: "Seconds of audio the encoder sees at once (1-30, default 30). Shorter is faster on short clips and less accurate.")
    var window: Double?

    @Flag(help: "Label each utterance with its speaker (Speaker 1, 2, ...) from voice embeddings (Resemblyzer; `make models` installs it). Cuts utterances at pauses as --vad does.")
    var speakers = false

    func validate() throws {
        guard !audio.isEmpty else { throw ValidationError("give an audio file to transcribe") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        if let window, !(1...30).contains(window) { throw ValidationError("--window must be between 1 and 30 seconds") }
        guard designBias.isFinite, (0...10).contains(designBias) else { throw ValidationError("--design-bias must be between 0 and 10") }
    }

    func run() async throws {
        let directory = Settings.modelDirectory(model ?? Settings.defaultModel)
        let whisper = try WhisperModel.load(directory: directory)
        // A language the model cannot do, or a prompt it cannot encode, is one line before any
        // audio is read.
        if !TranscriptionOptions(language: language).detectsLanguage {
            _ = try whisper.tokenizer.startSequence(language: language, model: whisper.name)
        }
        if prompt != nil || designPrompt, !whisper.tokenizer.canEncode {
            throw WhisperError.promptUnsupported(path: whisper.directory)
        }
        var prompt = self.prompt
        var design: DesignPrompt?
        if designPrompt {
            guard let themes = ThemesLocator.locate(configured: nil) else {
                throw ValidationError("cannot find Themes/design_mapper.yaml for --design-prompt (set MOCKPILOT_THEMES)")
            }
            design = DesignPrompt(brands: try BrandTable.load(themesDirectory: themes, userFile: nil))
            design?.biasBonus = designBias
            prompt = design?.prompt(recent: [])
        }
        var options = TranscriptionOptions(prompt: prompt, temperatureFallback: !noFallback, threads: threads,
                                           language: language, window: window)
        options.bias = design?.bias(tokenizer: whisper.tokenizer)
        let detector = try vadDetector.load()
        let voices = try speakerWeights()
        // Speakers are told apart per utterance, so --speakers cuts the audio as --vad does.
        let byUtterance = vad || speakers
        // Only whole windows decode here; --vad decodes through the speech stage's own session.
        var session = byUtterance ? nil : WhisperSession(model: whisper, options: options)
        let transcriber = byUtterance
            ? try utteranceTranscriber(model: whisper, options: options, designPrompt: designPrompt, detector: detector) : nil
        for path in audio {
            var segments: [TranscriptSegment], names: [String] = []
            if let transcriber {
                (segments, names) = try await self.utterances(path: path, transcriber: transcriber, speakers: voices)
            } else if var whole = session.take() {
                // Taken out and put back, so the session's buffers are never copied.
                segments = try windows(path: path, session: &whole, detector: detector)
                session = whole
            } else {
                segments = []
            }
            if !segments.isEmpty, let heard = session?.detectedLanguage {
                warn("\(path): language \(heard.code) (detected, probability \(String(format: "%.2f", heard.probability)))")
            }
            // --vad's speech stage puts design words back itself; whole windows get it here.
            if let design, transcriber == nil {
                segments = segments.map { var s = $0; s.text = design.corrector.correct(s.text); return s }
            }
            let id = audio.count > 1 ? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent : nil
            FileHandle.standardOutput.write(Data(try render(segments, speakers: names, id: id).utf8))
        }
    }

    /// The recording in Whisper's 30 s windows, keeping only what overlaps speech the VAD heard:
    /// silence and noise get no text at all, rather than what Whisper would invent for them.
    /// A file is read twice as it is decoded, so memory stays flat however long the meeting:
    /// first for the voice activity and the spectrogram's loudest value (its floor depends on
    /// it), then window by window. Standard input cannot be read twice and is held whole.
    func windows(path: String, session: inout WhisperSession, detector: VoiceDetector) throws -> [TranscriptSegment] {
        if path == "-" {
            let samples = try AudioFile.decode(path: path)
            let speech = SpeechRegions(samples: samples, detector: detector)
            return speech.isEmpty ? [] : speech.keep(try session.transcribe(samples))
        }
        let survey = try AudioFileStream(path: path)
        var mel = LogMelStream(nMels: session.model.dims.nMels)
        let chunk = SpeechRegions.chunk(sampleRate: AudioFile.sampleRate)
        let speech = try SpeechRegions(detector: detector) {
            guard let block = try survey.read(chunk) else { return nil }
            _ = mel.append(block)
            return block
        }
        guard !speech.isEmpty else { return [] }
        let audio = try AudioFileStream(path: path)
        return speech.keep(try session.transcribe(survey: mel.finish().survey) { try audio.read(1 << 16) })
    }

    /// `run`'s speech stage for files, one for all of them (its Whisper session is made once).
    func utteranceTranscriber(model: WhisperModel, options: TranscriptionOptions, designPrompt: Bool,
                              detector: VoiceDetector) throws -> LiveTranscriber {
        var options = options
        var prompt: DesignPrompt?
        if designPrompt, let themes = ThemesLocator.locate(configured: nil) {
            prompt = DesignPrompt(brands: try BrandTable.load(themesDirectory: themes, userFile: nil))
            prompt?.biasBonus = designBias
            options.prompt = nil
        }
        var transcriber = LiveTranscriber(model: model, options: options, prompt: prompt)
        transcriber.partials = false
        transcriber.voiceDetector = detector
        return transcriber
    }

    /// `speakers` holds one name per segment with --speakers, else nothing.
    func render(_ segments: [TranscriptSegment], speakers: [String] = [], id: String?) throws -> String {
        var out = ""
        if format == .vtt { out += "WEBVTT\n\n" }
        for (i, s) in segments.enumerated() {
            let text = s.text.trimmingCharacters(in: .whitespaces)
            let speaker = i < speakers.count ? speakers[i] : nil
            let said = speaker.map { "\($0): \(text)" } ?? text
            switch format {
            case .jsonl:
                out += try JSONLines.encode(TranscriptMsg(text: text, tsStart: s.start, tsEnd: s.end, speaker: speaker, id: id)) + "\n"
            case .text:
                out += said + "\n"
            case .vtt:
                let voice = speaker.map { "<v \($0)>\(text)" } ?? text
                out += "\(Self.clock(s.start, ".")) --> \(Self.clock(s.end, "."))\n\(voice)\n\n"
            case .srt:
                out += "\(i + 1)\n\(Self.clock(s.start, ",")) --> \(Self.clock(s.end, ","))\n\(said)\n\n"
            }
        }
        return out
    }

    /// `HH:MM:SS.mmm` (WebVTT) or `HH:MM:SS,mmm` (SRT).
    static func clock(_ seconds: Double, _ separator: String) -> String {
        let ms = Int((max(0, seconds) * 1000).rounded())
        let h = ms / 3_600_000, m = ms / 60_000 % 60, s = ms / 1000 % 60
        return String(format: "%02d:%02d:%02d%@%03d", h, m, s, separator, ms % 1000)
    }
}
