import Foundation

/// Finds the `Themes/` folder: the configured one, else next to the binary or the working directory.
public enum ThemesLocator {
    public static func locate(configured: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String = CommandLine.arguments.first ?? "") -> String? {
        let fm = FileManager.default
        func hasTable(_ dir: String) -> Bool { fm.fileExists(atPath: dir + "/design_mapper.yaml") }
        if let configured, !configured.isEmpty { return configured }
        if let env = environment["MOCKPILOT_THEMES"], !env.isEmpty { return env }
        var candidates = [fm.currentDirectoryPath + "/Themes"]
        // A development build lives in <repo>/.build/<triple>/debug/mockpilot: walk up to the repo.
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("Themes").path)
            candidates.append(dir.appendingPathComponent("share/mockpilot/Themes").path)
            dir.deleteLastPathComponent()
        }
        candidates.append("/usr/local/share/mockpilot/Themes")
        candidates.append("/usr/share/mockpilot/Themes")
        return candidates.first(where: hasTable)
    }
}
