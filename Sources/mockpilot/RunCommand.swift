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
        s16le on stdin; or a finished transcript with --transcript. With a terminal it opens the \
        MockPilot screen; with --no-tui, or when output is not a terminal, it prints every event \
        as one JSON object per line.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp(
        "A meeting transcript: WebVTT (Zoom, Meet, Teams exports), SRT, TranscriptMsg JSON Lines or plain text.",
        valueName: "file"))
    var transcript: String?

    @Option(name: [.short, .long], help: ArgumentHelp(
        "Audio input: alsa:DEVICE, an audio file, or - for raw s16le on stdin (default: input.source, alsa:default).",
        valueName: "source"))
    var input: String?

    @Option(help: ArgumentHelp("A faster-whisper / CTranslate2 model folder (default: Whisper tiny.en from `make models`).",
                               valueName: "dir"))
    var model: String?

    @Option(help: ArgumentHelp("CPU threads for speech recognition.", valueName: "n"))
    var threads: Int?

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
        if transcript != nil && input != nil { throw ValidationError("give either --transcript or --input, not both") }
        if let threads, !(1...64).contains(threads) { throw ValidationError("--threads must be 1...64") }
    }

    func run() async throws {
        var settings = try global.settings()
        if let out { settings.outputFolder = out }
        if let db { settings.database = db }
        if let theme { settings.theme = theme }
        if realtime { settings.realtime = true }
        if let model { settings.model = model }
        if let threads { settings.threads = threads }
        if let input { settings.inputSource = input }
        if transcript == nil {
            try await runAudio(settings: settings)
            return
        }

        let path = transcript ?? "-"
        let file: TranscriptFile
        do {
            file = try TranscriptFile.read(path: path)
        } catch {
            throw CleanExit.failure(error.localizedDescription)
        }
        let meeting: Meeting
        do {
            meeting = try await MeetingSetup(settings: settings).open(source: "transcript \(path)", model: "none (transcript)")
        } catch {
            throw CleanExit.failure(error.localizedDescription)
        }
        for warning in file.warnings { await meeting.report(warning: warning.description) }
        let replay = TranscriptReplay(utterances: file.utterances, realtime: settings.realtime, speed: speed)
        try await present(meeting: meeting, settings: settings) { try await replay.play(into: meeting) }
    }

    /// Runs `feed` into the meeting, shown on the screen or printed as JSON Lines.
    func present(meeting: Meeting, settings: Settings,
                         feed: @escaping @Sendable () async throws -> Void) async throws {
        let hourly = Task {
            while !Task.isCancelled {
                try await Task.sleep(for: .seconds(3600))
                await meeting.purgeExpired()
            }
        }
        defer { hourly.cancel() }
        let useTUI = !noTUI && isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1
        if useTUI {
            let failure = try await runWithScreen(meeting: meeting, feed: feed, settings: settings)
            // The screen is gone: say what the meeting left behind, as `--no-tui` does.
            warn(await meeting.leftBehind)
            // The screen is gone, so what went wrong is said where it stays readable: one line.
            if let failure {
                throw CleanExit.failure("the meeting stopped: " + Self.oneLine(failure.localizedDescription))
            }
            if let summary = await meeting.problemSummary { throw CleanExit.failure(summary) }
        } else {
            try await runAsJSONLines(meeting: meeting, feed: feed)
        }
        if await meeting.problems > 0 { throw ExitCode.failure }
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    private func runAsJSONLines(meeting: Meeting, feed: @escaping @Sendable () async throws -> Void) async throws {
        // Ctrl-C or SIGTERM (a microphone never ends by itself) stops the input; the meeting then
        // finishes as at the end of a file, so what is pending is still generated.
        let played = Task { try await feed() }
        let stop = StopSignals { _ in played.cancel() }
        defer { stop.cancel() }
        Task {
            if case .failure(let error) = await played.result, error is CancellationError { await meeting.finish() }
        }
        var written: Set<String> = []
        for await event in meeting.events {
            if let line = try? JSONLines.encode(event) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
            switch event {
            case .component(let c): written.insert(c.path)
            case .warning(let message): warn(message)
            case .componentFailed(let id, _, let reason): warn("\(id): \(reason)")
            default: break
            }
        }
        do {
            try await played.value
        } catch is CancellationError {
        }
        let s = written.count == 1 ? "" : "s"
        warn("\(written.count) component file\(s) written under \(meeting.outputFolder)/src/components (session \(meeting.sessionID))")
    }

    /// How the screen and the feed ended: the user quit, or the feed ended (with its error, if any).
    private enum Ended: Sendable {
        case screenClosed
        case feedEnded((any Error)?)
    }

    /// Runs the feed and the screen side by side. Quitting the screen stops the feed; a feed that
    /// throws closes the screen (which restores the terminal) and its error is returned for the
    /// caller to print; a feed that ends normally leaves the screen up until the user quits.
    private func runWithScreen(meeting: Meeting, feed: @escaping @Sendable () async throws -> Void,
                               settings: Settings) async throws -> (any Error)? {
        let ui = TerminalUI(options: TUIOptions(themesDirectory: settings.themesDirectory.isEmpty ? nil : settings.themesDirectory,
                                                theme: settings.theme, exportFolder: settings.exportFolder))
        return try await withThrowingTaskGroup(of: Ended.self) { group in
            group.addTask {
                do {
                    try await feed()
                    return .feedEnded(nil)
                } catch is CancellationError {
                    return .feedEnded(nil)
                } catch {
                    return .feedEnded(error)
                }
            }
            group.addTask {
                try await ui.run(events: meeting.events, send: { command in
                    Task { await meeting.handle(command) }
                })
                return .screenClosed
            }
            var failure: (any Error)?
            while let ended = try await group.next() {
                switch ended {
                case .screenClosed:
                    group.cancelAll()
                case .feedEnded(let error?):
                    failure = error
                    group.cancelAll()
                case .feedEnded(nil):
                    break
                }
            }
            return failure
        }
    }
}
