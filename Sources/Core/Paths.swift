import Foundation

/// Where MockPilot keeps its data on this machine (XDG base directories).
public enum Paths {
    /// `$XDG_DATA_HOME/mockpilot`, or `~/.local/share/mockpilot`.
    /// Makes the folder that `file` is to live in, and any folders above it. A relative path
    /// counts from the working folder, so a bare file name ("meeting.sqlite") needs nothing made.
    /// Returns the folder, for error messages.
    @discardableResult
    public static func createFolder(holding file: String) throws -> String {
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

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

    /// The `Themes/` folder: the configured one, else `$MOCKPILOT_THEMES`, else the first that holds
    /// `marker` of `./Themes`, beside the binary or up to five folders above it, and the system's.
    public static func themes(configured: String?, holding marker: String,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String = CommandLine.arguments.first ?? "") -> String? {
        if let configured, !configured.isEmpty { return configured }
        if let env = environment["MOCKPILOT_THEMES"], !env.isEmpty { return env }
        let fm = FileManager.default
        var candidates = [fm.currentDirectoryPath + "/Themes"]
        // A development build lives in <repo>/.build/<triple>/debug/mockpilot: walk up to the repo.
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("Themes").path)
            candidates.append(dir.appendingPathComponent("share/mockpilot/Themes").path)
            dir.deleteLastPathComponent()
        }
        candidates += ["/usr/local/share/mockpilot/Themes", "/usr/share/mockpilot/Themes"]
        return candidates.first { fm.fileExists(atPath: $0 + "/" + marker) }
    }

    /// Where `make models` unpacks the weights.
    public static func models(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        dataHome(environment: environment) + "/models"
    }
}
