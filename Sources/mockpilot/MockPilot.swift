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
            // Subcommands, one file each under Commands/.
            TUIDemoCommand.self,
        ]
    )
}
