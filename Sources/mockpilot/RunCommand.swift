import ArgumentParser
import Config
import Core
import Foundation
import Pipeline
import TUI
import Transcript

/// `mockpilot run`: the whole pipeline over one meeting.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the whole pipeline over a meeting: talk in, components in the watched folder out.",
        discussion: """
        Input is the microphone by default (ALSA, input.source in the config), or --input: an \
        ALSA device ("alsa:hw:1,0"), an audio file (WAV, Ogg Opus), or "-" for raw 16 kHz mono \
        s16le on stdin; several at once with --input repeated (--call: the microphone and the \
        monitor, what the speakers play); or a finished transcript with --transcript. With a terminal it opens the \
        MockPilot screen; with --no-tui, or when output is not a terminal, it prints every event \
        as one JSON object per line.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var logging: LogOptions

    @Option(name: .long, help: ArgumentHelp(
        "A meeting transcript: WebVTT (Zoom, Meet, Teams exports), SRT, TranscriptMsg JSON Lines or plain text.",
        valueName: "file"))
    var transcript: String?

    @Option(name: [.short, .long], help: ArgumentHelp(
        "Audio input: alsa:DEVICE, monitor (what the speakers play: the call), pulse:SOURCE, an audio file, or - for raw s16le on stdin (default: input.source, alsa:default). Repeat it to hear several at once.",
        valueName: "source"))
    var input: [String] = []

    @Flag(help: "Hear the call too: the microphone (--input, else input.source) and the default output's monitor.")
    var call = false

    @Flag(inversion: .prefixedNo, help: "Label live audio's lines with their speakers, Speaker 1, 2, ... (default: speech.speakers, on when `make models` installed the voice encoder).")
    var speakers: Bool?

    @Option(help: ArgumentHelp("Whisper model: tiny.en or base (from `make models`), or a faster-whisper / CTranslate2 folder (default: speech.model, tiny.en).",
                               valueName: "model"))
    var model: String?

    @Option(help: ArgumentHelp("Spoken language: auto (detected by a multilingual model such as base) or a code like en, de, fr (default: speech.language, auto).",
                               valueName: "code"))
    var language: String?

    @Option(help: ArgumentHelp("CPU threads for speech recognition.", valueName: "n"))
    var threads: Int?

    @Option(help: ArgumentHelp("Voice detector: energy (built in) or silero (Silero VAD v6 from `make models`) (default: speech.vad, energy).",
                               valueName: "name"))
    var vad: VoiceDetectorName?

    @Option(name: [.short, .long], help: ArgumentHelp("The watched folder components are written to.", valueName: "dir"))
    var out: String?

    @Flag(help: "Replay at the recorded pace, as if live.")
    var realtime = false

    @Option(help: ArgumentHelp("Speed up a --realtime replay (2 = twice as fast).", valueName: "factor"))
    var speed: Double = 1

    @Flag(name: .customLong("no-tui"), help: "Print events as JSON Lines instead of opening the screen.")
    var noTUI = false

    @Option(name: [.customLong("db"), .customLong("database")],
            help: ArgumentHelp("The database file (default: $XDG_DATA_HOME/mockpilot/mockpilot.sqlite).", valueName: "file"))
    var db: String?

    @Option(help: ArgumentHelp("Colour theme from Themes/ (dark, light, high-contrast).", valueName: "name"))
    var theme: String?

    func validate() throws {
        guard speed > 0, speed.isFinite else { throw ValidationError("--speed must be a positive number") }
        if transcript != nil && (!input.isEmpty || call) { throw ValidationError("give either --transcript or --input/--call, not both") }
        if let threads, !(1...64).contains(threads) { throw ValidationError("--threads must be 1...64") }
        if transcript != nil && speakers != nil {
            throw ValidationError("--speakers is for audio input; a transcript names its own speakers")
        }
    }

    func run() async throws {
        var settings = try global.settings()
        if let out {
            // An empty path would quietly mean the current folder.
            guard !out.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CleanExit.failure("--out needs a folder path (it was empty)")
            }
            settings.outputFolder = out
        }
        if let db { settings.database = db }
        if let theme { settings.theme = theme }
        if realtime { settings.realtime = true }
        if let model { settings.model = model }
        if let language { settings.language = language }
        if let threads { settings.threads = threads }
        if let vad { settings.vad = vad.rawValue }
        if let first = input.first { settings.inputSource = first }
        if transcript == nil {
            try await runAudio(settings: settings, inputs: audioInputs(settings: settings))
            return
        }

        let path = transcript ?? "-"
        // Read as the meeting plays; only the lines up to the first utterance are read first, so a
        // file with nothing usable in it is one clear error before the meeting opens.
        var stream: TranscriptStream
        do {
            stream = try TranscriptStream.open(path: path)
            try stream.requireUtterance()
        } catch {
            throw CleanExit.failure(error.localizedDescription)
        }
        let meeting: Meeting
        do {
            meeting = try await MeetingSetup(settings: settings).open(source: "transcript \(path)", model: "none (transcript)")
        } catch {
            throw CleanExit.failure(error.localizedDescription)
        }
        let replay = TranscriptReplay(stream: stream, realtime: settings.realtime, speed: speed)
        try await present(meeting: meeting, settings: settings) { try await replay.play(into: meeting) }
    }

    /// Runs `feed` into the meeting, shown on the screen or printed as JSON Lines, as one group of
    /// services (RunCommand+Services.swift).
    func present(meeting: Meeting, settings: Settings,
                 feed: @escaping @Sendable () async throws -> Void) async throws {
        let useTUI = !noTUI && isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1
        // The log file only: the terminal is the screen's, or the JSON Lines'.
        let logger = logging.logger(label: "mockpilot.run", standardError: false)
        logger.info("meeting started", metadata: ["session": "\(meeting.sessionID)"])
        if useTUI {
            let ui = TerminalUI(options: TUIOptions(themesDirectory: settings.themesDirectory.isEmpty ? nil : settings.themesDirectory,
                                                    theme: settings.theme, exportFolder: settings.exportFolder))
            // A rename or an export after the input ended still shows on the screen.
            await meeting.keepEventsAfterFinish()
            let failure = await runServices(meeting: meeting, feed: feed, screen: ui, printer: nil, logger: logger)
            // The screen is gone: say what the meeting left behind, as `--no-tui` does, and what
            // went wrong in one line where it stays readable.
            warn(await meeting.leftBehind)
            if let failure {
                throw CleanExit.failure("the meeting stopped: " + Self.oneLine(failure.localizedDescription))
            }
            if let summary = await meeting.problemSummary { throw CleanExit.failure(summary) }
        } else {
            let printer = JSONLinesPrinter(meeting: meeting, log: logging.meetingLog(logger))
            let failure = await runServices(meeting: meeting, feed: feed, screen: nil, printer: printer, logger: logger)
            let s = printer.files == 1 ? "" : "s"
            warn("\(printer.files) component file\(s) written under \(meeting.outputFolder)/src/components (session \(meeting.sessionID))")
            if let failure { throw failure }
        }
        if await meeting.problems > 0 { throw ExitCode.failure }
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
