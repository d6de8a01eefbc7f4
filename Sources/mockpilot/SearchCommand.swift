import ArgumentParser

/// `mockpilot search`.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Not yet available.")
    func run() throws { throw ValidationError("search is not available yet") }
}
