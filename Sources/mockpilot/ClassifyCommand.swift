import ArgumentParser

/// `mockpilot classify`.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "classify", abstract: "Not yet available.")
    func run() throws { throw ValidationError("classify is not available yet") }
}
