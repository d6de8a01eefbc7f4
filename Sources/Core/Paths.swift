import Foundation

/// Where MockPilot keeps its data on this machine (XDG base directories).
public enum Paths {
    /// `$XDG_DATA_HOME/mockpilot`, or `~/.local/share/mockpilot`.
    public static func dataHome(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let d = environment["MOCKPILOT_DATA_DIR"], !d.isEmpty { return d }
        if let x = environment["XDG_DATA_HOME"], !x.isEmpty { return x + "/mockpilot" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share/mockpilot"
    }

    /// `$XDG_CONFIG_HOME/mockpilot/mockpilot.conf`, or `~/.config/mockpilot/mockpilot.conf`.
    public static func userConfig(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let x = environment["XDG_CONFIG_HOME"], !x.isEmpty { return x + "/mockpilot/mockpilot.conf" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/mockpilot/mockpilot.conf"
    }

    /// Where `make models` unpacks the weights.
    public static func models(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        dataHome(environment: environment) + "/models"
    }
}
