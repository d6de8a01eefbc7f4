import ArgumentParser
import Foundation

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
            TUIDemoCommand.self,
        ],
        // `mockpilot` alone listens to the microphone and opens the screen.
        defaultSubcommand: RunCommand.self
    )
}
