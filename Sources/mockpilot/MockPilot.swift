import ArgumentParser
import Foundation
import Tensor

/// The `mockpilot` command: the TUI by default, each pipeline stage as a subcommand.
@main
struct MockPilot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mockpilot",
        abstract: "A terminal meeting copilot: hears UI ideas in a call and writes React/Tailwind components.",
        discussion: """
        Run it beside a product call. It transcribes the meeting, spots design intents \
        ("let's build a pill-shaped pay button like Stripe's"), and writes components into a \
        folder that a preview server (Vite) hot-reloads. Each stage is also a command that reads \
        and writes JSON Lines, so they compose with pipes:

          mockpilot extract meeting.txt | mockpilot generate -
        """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self,
            ConfigCommand.self,
            SessionsCommand.self, ExportCommand.self,
            DevicesCommand.self,
            GenerateCommand.self,
            TranscribeCommand.self,
            SentimentCommand.self, ClassifyCommand.self, EmbedCommand.self, SearchCommand.self, MineCommand.self,
            ExtractCommand.self,
            EvalCommand.self,
            CheckCommand.self,
            ServeCommand.self, TokenCommand.self,
            TUIDemoCommand.self,
        ],
        // `mockpilot` alone listens to the microphone and opens the screen.
        defaultSubcommand: RunCommand.self
    )

    /// ArgumentParser's own `main` ends with `exit()`, which runs every library's destructors.
    /// OpenBLAS's joins its worker threads there and, now and then, waits for one that missed
    /// the wake-up: the meeting is done and written, but the process never ends. Everything
    /// MockPilot keeps is on disk before a command returns (SQLite commits, atomic renames), so
    /// it leaves with `_exit` once the output is flushed.
    static func main() async {
        // Before any thread can call BLAS (Whisper, MiniLM): see BLASKernels.
        BLASKernels.chooseForThisCPU()
        let code: Int32
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            code = ExitCode.success.rawValue
        } catch {
            let exitCode = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if exitCode.isSuccess { print(message) } else { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            }
            code = exitCode.rawValue
        }
        fflush(nil)
        _exit(code)
    }
}
