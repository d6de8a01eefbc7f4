import ArgumentParser

/// `mockpilot embed`.
struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "embed", abstract: "Not yet available.")
    func run() throws { throw ValidationError("embed is not available yet") }
}
