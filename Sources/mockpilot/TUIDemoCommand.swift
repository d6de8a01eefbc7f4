import ArgumentParser
import Core
import Foundation
import TUI

/// `mockpilot tui-demo`: the meeting screen fed by a scripted product meeting, for developing and
/// testing the TUI without the pipeline. Hidden from help.
struct TUIDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui-demo",
        abstract: "Show the meeting screen with a scripted product meeting (development aid).",
        shouldDisplay: false)

    @Option(help: "Play the script this many times faster.")
    var speed: Double = 1

    @Option(help: "Colour theme: dark, light, high-contrast, or a theme file's name.")
    var theme: String = "dark"

    @Option(name: .customLong("themes-dir"), help: "Folder with the *.theme files.")
    var themesDirectory: String?

    @Option(name: .customLong("export-folder"), help: "Where `e` asks for an export.")
    var exportFolder: String = "mockpilot-out/export"

    @Option(name: .customLong("command-log"), help: "Append every command the screen sends to this file.")
    var commandLog: String?

    @Option(name: .customLong("fail-after"), help: "Make the scripted pipeline throw after this many events.")
    var failAfter: Int?

    @Option(help: "After the script, send this many extra events as fast as possible (for the benchmark).")
    var burst: Int = 0

    @Flag(help: "Include an insights summary in the script.")
    var insights = false

    func validate() throws {
        // Finite and at least 0.001: each step's pause is converted to nanoseconds, and
        // `UInt64(1 / 1e-300 * 1e9)` traps.
        guard speed.isFinite, speed >= 0.001 else { throw ValidationError("--speed must be a number of at least 0.001 (got \(speed))") }
        guard burst >= 0 else { throw ValidationError("--burst must not be negative (got \(burst))") }
    }

    func run() async throws {
        let ui = TerminalUI(options: TUIOptions(themesDirectory: themesDirectory, theme: theme,
                                                exportFolder: exportFolder))
        // Fail on a bad theme before anything else starts.
        _ = try ui.loadThemes()
        let (events, eventSink) = AsyncStream.makeStream(of: PipelineEvent.self)
        let (commands, commandSink) = AsyncStream.makeStream(of: PipelineCommand.self)
        let pipeline = DemoPipeline(speed: speed, failAfter: failAfter, burst: burst, insights: insights,
                                    commandLog: commandLog)
        // The same shape `run` uses: the pipeline and the screen as children of one group. If the
        // pipeline throws, the group cancels the screen, which restores the terminal before the error prints.
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pipeline.run(events: eventSink, commands: commands) }
            group.addTask {
                try await ui.run(events: events) { command in
                    // Logged as it is sent, so the record is complete even when the screen quits at once.
                    pipeline.log(command)
                    commandSink.yield(command)
                    if command == .quit { commandSink.finish() }
                }
            }
            // The pipeline ends only after `.quit` or by throwing, so the first child to finish is the
            // screen (the user quit) or the pipeline's error, which leaves this closure and cancels the screen.
            try await group.next()
            group.cancelAll()
        }
    }
}

/// Plays `DemoScript` into the screen and answers its commands the way the pipeline would.
struct DemoPipeline: Sendable {
    struct Failure: LocalizedError {
        var errorDescription: String? { "the scripted pipeline failed on purpose (--fail-after)" }
    }

    let speed: Double
    let failAfter: Int?
    let burst: Int
    let insights: Bool
    let commandLog: String?

    func run(events: AsyncStream<PipelineEvent>.Continuation, commands: AsyncStream<PipelineCommand>) async throws {
        defer { events.finish() }
        let script = DemoScript.meeting(insights: insights)
        let answers = Task {
            var status = DemoScript.status
            var version = 3
            for await command in commands {
                switch command {
                case .setPaused(let paused):
                    status.live = !paused
                    events.yield(.status(status))
                case .generateNow:
                    events.yield(.component(DemoScript.payButton(version: version, latency: 0.42)))
                    version += 1
                case .refreshInsights:
                    events.yield(.insight(DemoScript.insight))
                case .renameSpeaker(let label, let name):
                    events.yield(.speaker(label: label, name: name))
                case .export, .quit, .makeSuggestion:
                    break
                }
            }
        }
        defer { answers.cancel() }
        var sent = 0
        for step in script {
            try await Task.sleep(nanoseconds: UInt64(step.delay / speed * 1_000_000_000))
            if let failAfter, sent >= failAfter { throw Failure() }
            events.yield(step.event)
            sent += 1
        }
        for i in 0..<burst {
            let text = "Burst line \(i): the quick brown fox jumps over the lazy dog while we talk about buttons"
            events.yield(.transcript(Utterance(id: "burst-\(i / 4)", msg: TranscriptMsg(text: text, tsStart: 600 + Double(i),
                                                                                         tsEnd: 601 + Double(i), speaker: "Bench"),
                                               isFinal: i % 4 == 3)))
            if i % 64 == 0 { await Task.yield() }
        }
        events.yield(.finished)
        await answers.value
    }

    func log(_ command: PipelineCommand) {
        guard let commandLog else { return }
        let line = Data((String(describing: command) + "\n").utf8)
        if let handle = FileHandle(forWritingAtPath: commandLog) {
            handle.seekToEndOfFile()
            handle.write(line)
            try? handle.close()
        } else {
            _ = FileManager.default.createFile(atPath: commandLog, contents: line)
        }
    }
}
