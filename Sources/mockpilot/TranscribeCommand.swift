import ArgumentParser
import Brands
import Speech
import Capture
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

    @Option(help: "A CTranslate2 Whisper model folder (model.bin, config.json, vocabulary.txt).")
    var model: String?

    @Option(help: "Output format: jsonl, text, vtt or srt.")
    var format: Format = .jsonl

    @Option(help: "Words to bias recognition toward, e.g. \"Stripe, navbar, pill button\".")
    var prompt: String?

    @Flag(help: "Bias recognition toward design words (brands, components, cue phrases), as `run` does.")
    var designPrompt = false

    @Option(help: "Spoken language for multilingual models (en, de, fr, ...).")
    var language = "en"

    @Option(help: "OpenBLAS threads.")
    var threads: Int = 2

    @Flag(help: "Decode greedily only, without the temperature fallback.")
    var noFallback = false

    func validate() throws {
        guard !audio.isEmpty else { throw ValidationError("give an audio file to transcribe") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() async throws {
        let directory = model ?? Paths.models() + "/whisper-tiny.en"
        let whisper = try WhisperModel.load(directory: directory)
        var prompt = self.prompt
        if designPrompt {
            guard let themes = ThemesLocator.locate(configured: nil) else {
                throw ValidationError("cannot find Themes/design_mapper.yaml for --design-prompt (set MOCKPILOT_THEMES)")
            }
            prompt = DesignPrompt(brands: try BrandTable.load(themesDirectory: themes, userFile: nil)).prompt(recent: [])
        }
        let options = TranscriptionOptions(prompt: prompt, temperatureFallback: !noFallback, threads: threads,
                                           language: language)
        var session = WhisperSession(model: whisper, options: options)
        for path in audio {
            let samples = try AudioFile.decode(path: path)
            let segments = try session.transcribe(samples)
            let id = audio.count > 1 ? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent : nil
            FileHandle.standardOutput.write(Data(try render(segments, id: id).utf8))
        }
    }

    func render(_ segments: [TranscriptSegment], id: String?) throws -> String {
        var out = ""
        if format == .vtt { out += "WEBVTT\n\n" }
        for (i, s) in segments.enumerated() {
            let text = s.text.trimmingCharacters(in: .whitespaces)
            switch format {
            case .jsonl:
                out += try JSONLines.encode(TranscriptMsg(text: text, tsStart: s.start, tsEnd: s.end, id: id)) + "\n"
            case .text:
                out += text + "\n"
            case .vtt:
                out += "\(Self.clock(s.start, ".")) --> \(Self.clock(s.end, "."))\n\(text)\n\n"
            case .srt:
                out += "\(i + 1)\n\(Self.clock(s.start, ",")) --> \(Self.clock(s.end, ","))\n\(text)\n\n"
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
