import Core
import Foundation

/// Finds the `Themes/` folder that holds the brand table, `design_mapper.yaml` (see `Paths.themes`).
public enum ThemesLocator {
    public static func locate(configured: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String = CommandLine.arguments.first ?? "") -> String? {
        Paths.themes(configured: configured, holding: "design_mapper.yaml", environment: environment, executable: executable)
    }
}
