import ArgumentParser
import Config
import Foundation

/// `mockpilot config`: the settings in effect and where they came from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the settings in effect (config file, then environment), secrets masked.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let loaded: (settings: Settings, file: String?)
        do {
            loaded = try SettingsLoader().load(explicitPath: global.config)
        } catch {
            throw CleanExit.failure(error.localizedDescription)
        }
        print("# settings file: \(loaded.file ?? "none (defaults and environment)")")
        for line in SettingsLoader.describe(loaded.settings) { print(line) }
    }
}
