import Core
import Foundation

/// The themes the `t` key cycles through: every `*.theme` file of the Themes folder.
public struct ThemeCatalog: Sendable, Equatable {
    public private(set) var themes: [Theme]

    public init(themes: [Theme]) {
        self.themes = themes.isEmpty ? [Theme.builtIn] : themes
    }

    /// Loads `dark`, `light` and `high-contrast` first, then any other theme files by name.
    public static func load(directory: String) throws(TUIError) -> ThemeCatalog {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".theme") }
        } catch {
            throw .themesFolderUnreadable(directory)
        }
        let preferred = ["dark.theme", "light.theme", "high-contrast.theme"]
        let ordered = preferred.filter(names.contains) + names.filter { !preferred.contains($0) }.sorted()
        var themes: [Theme] = []
        for file in ordered {
            let path = directory + "/" + file
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw .themesFolderUnreadable(path)
            }
            themes.append(try Theme.parse(text, file: path, defaultName: String(file.dropLast(".theme".count))))
        }
        return ThemeCatalog(themes: themes)
    }

    /// Finds the Themes folder that holds the screen's themes, `dark.theme` (see `Paths.themes`).
    public static func locate(configured: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String = CommandLine.arguments.first ?? "") -> String? {
        Paths.themes(configured: configured, holding: "dark.theme", environment: environment, executable: executable)
    }

    public func index(of name: String) -> Int? {
        themes.firstIndex { $0.name.lowercased() == name.lowercased() }
    }

    public var names: [String] { themes.map(\.name) }
}
