import Core
import Foundation

/// Finds and reads the settings: `--config`, then `$XDG_CONFIG_HOME/mockpilot/mockpilot.conf`, then
/// `./mockpilot.conf` (the first that exists), then environment variables on top.
public struct SettingsLoader: Sendable {
    public var environment: [String: String]
    public var currentDirectory: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    /// The settings and the file they came from (nil when only defaults and the environment apply).
    public func load(explicitPath: String? = nil) throws -> (settings: Settings, file: String?) {
        var settings = Settings()
        let file = try configFile(explicitPath: explicitPath)
        if let file {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw ConfigError.unreadable(file: file)
            }
            try Self.apply(text, file: file, to: &settings)
        }
        try applyEnvironment(to: &settings)
        return (settings, file)
    }

    func configFile(explicitPath: String?) throws -> String? {
        if let explicitPath {
            guard FileManager.default.fileExists(atPath: explicitPath) else { throw ConfigError.unreadable(file: explicitPath) }
            return explicitPath
        }
        let candidates = [Paths.userConfig(environment: environment), currentDirectory + "/mockpilot.conf"]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Applies a settings text; an unknown key or a bad value names its line.
    public static func apply(_ text: String, file: String, to settings: inout Settings) throws {
        for entry in try TOMLReader(file: file).read(text) {
            guard let key = Settings.keys.first(where: { $0.name == entry.key }) else {
                throw ConfigError.unknownKey(file: file, line: entry.line, key: entry.key)
            }
            if let reason = key.apply(&settings, entry.value) {
                throw ConfigError.badValue(file: file, line: entry.line, key: entry.key, reason: reason)
            }
        }
    }

    func applyEnvironment(to settings: inout Settings) throws {
        for (variable, keyName) in Settings.designEnvironment {
            if let value = environment[variable], !value.isEmpty,
               let key = Settings.keys.first(where: { $0.name == keyName }) {
                _ = key.apply(&settings, .string(value))
            }
        }
        for key in Settings.keys {
            let variable = Settings.environmentName(of: key.name)
            guard let raw = environment[variable] else { continue }
            // Environment values are untyped: try the value as TOML, then as a bare string.
            let parsed = (try? TOMLReader(file: variable).read("v = " + raw).first?.value) ?? .string(raw)
            if let reason = key.apply(&settings, parsed) {
                if parsed != .string(raw), key.apply(&settings, .string(raw)) == nil { continue }
                throw ConfigError.badEnvironment(variable: variable, reason: reason)
            }
        }
    }

    /// `key = value` lines of the effective settings, secrets masked: secret keys whole, and the
    /// credentials inside any URL-shaped value (REDIS_URL, WEAVIATE_URL, a base URL).
    public static func describe(_ settings: Settings) -> [String] {
        Settings.keys.map { key in
            let value = key.show(settings)
            let masked = Settings.secretKeys.contains(key.name) && value != "\"\"" ? "\"********\"" : CredentialMask.masked(value)
            return "\(key.name) = \(masked)"
        }
    }
}
