import ArgumentParser
import Config
import Foundation

/// Options every command that reads settings shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Settings file (TOML); see mockpilot.conf.example.", valueName: "file"))
    var config: String?

    /// Settings from the config file and environment; a bad file is one clear line and exit 1.
    func settings() throws -> Settings {
        do {
            return try SettingsLoader().load(explicitPath: config).settings
        } catch let error as ConfigError {
            throw CleanExit.failure(error.localizedDescription)
        }
    }
}

extension CleanExit {
    /// Prints "mockpilot: <message>" on stderr and exits 1, without ArgumentParser's usage text.
    static func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("mockpilot: \(message)\n".utf8))
        return ExitCode.failure
    }
}

/// Writes one line to stderr.
func warn(_ message: String) {
    FileHandle.standardError.write(Data("mockpilot: \(message)\n".utf8))
}
