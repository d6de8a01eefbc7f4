import ArgumentParser

/// `mockpilot mine`.
struct MineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mine", abstract: "Not yet available.")
    func run() throws { throw ValidationError("mine is not available yet") }
}
