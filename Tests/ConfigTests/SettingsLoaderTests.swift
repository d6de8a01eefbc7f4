import Foundation
import TestSupport
import Testing
@testable import Config

@Suite struct SettingsLoaderTests {
    func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func theExampleFileIsValidAndMatchesTheDefaults() throws {
        let text = try String(contentsOf: Repository.root.appendingPathComponent("mockpilot.conf.example"), encoding: .utf8)
        var settings = Settings()
        try SettingsLoader.apply(text, file: "mockpilot.conf.example", to: &settings)
        #expect(settings == Settings())
        // Every setting is documented in the example.
        for key in Settings.keys {
            let name = String(key.name.split(separator: ".").last ?? "")
            #expect(text.contains("\n\(name) = "), "\(key.name) is not in mockpilot.conf.example")
        }
    }

    @Test func valuesOfEveryKindAreRead() throws {
        var s = Settings()
        try SettingsLoader.apply("""
        # comment
        [trigger]
        silence_seconds = 2   # an integer where a number goes
        [output]
        folder = 'ui out'
        allowed_imports = ["react", "framer-motion"]
        [input]
        realtime = true
        """, file: "a.conf", to: &s)
        #expect(s.silenceSeconds == 2 && s.outputFolder == "ui out" && s.realtime)
        #expect(s.allowedImports == ["react", "framer-motion"])
    }

    @Test func anUnknownKeyNamesItsLine() {
        var s = Settings()
        #expect(throws: ConfigError.unknownKey(file: "m.conf", line: 3, key: "output.colour")) {
            try SettingsLoader.apply("[output]\nfolder = \"x\"\ncolour = \"red\"\n", file: "m.conf", to: &s)
        }
    }

    @Test func badValuesNameTheLineAndWhy() {
        var s = Settings()
        let cases: [(String, String)] = [
            ("[trigger]\nsilence_seconds = \"soon\"", "m.conf:2: trigger.silence_seconds: expected a number"),
            ("[store]\nretention_days = 30", "m.conf:2: store.retention_days: expected 1...7, got 30"),
            ("[llm]\nbackend = \"gpt\"", "m.conf:2: llm.backend: expected one of none, openai, anthropic, compatible, got 'gpt'"),
            ("[output]\nfolder = out", "m.conf:2: 'out' is not a value (strings need quotes)"),
            ("[output\n", "m.conf:1: expected ']'"),
            ("[ui]\ntheme = \"a\"\ntheme = \"b\"", "m.conf:3: 'ui.theme' is set twice"),
        ]
        for (text, message) in cases {
            do {
                try SettingsLoader.apply(text, file: "m.conf", to: &s)
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.localizedDescription == message)
            }
        }
    }

    @Test func lookupOrderIsExplicitThenXDGThenWorkingDirectory() throws {
        let home = try tempDir(), cwd = try tempDir()
        try FileManager.default.createDirectory(atPath: home + "/mockpilot", withIntermediateDirectories: true)
        try "[ui]\ntheme = \"light\"\n".write(toFile: cwd + "/mockpilot.conf", atomically: true, encoding: .utf8)
        var loader = SettingsLoader(environment: ["XDG_CONFIG_HOME": home], currentDirectory: cwd)
        #expect(try loader.load().settings.theme == "light")
        try "[ui]\ntheme = \"high-contrast\"\n".write(toFile: home + "/mockpilot/mockpilot.conf", atomically: true, encoding: .utf8)
        #expect(try loader.load().file == home + "/mockpilot/mockpilot.conf")
        #expect(try loader.load().settings.theme == "high-contrast")
        let explicit = cwd + "/other.conf"
        try "[ui]\ntheme = \"dark\"\n".write(toFile: explicit, atomically: true, encoding: .utf8)
        #expect(try loader.load(explicitPath: explicit).settings.theme == "dark")
        #expect(throws: ConfigError.unreadable(file: cwd + "/missing.conf")) { try loader.load(explicitPath: cwd + "/missing.conf") }
        loader.environment["MOCKPILOT_UI_THEME"] = "light"
        #expect(try loader.load(explicitPath: explicit).settings.theme == "light")
    }

    @Test func environmentOverridesFromTheOriginalDesign() throws {
        let cwd = try tempDir()
        let loader = SettingsLoader(environment: [
            "OPENAI_API_KEY": "sk-test", "REDIS_URL": "redis://localhost:6379", "MOCKPILOT_TRIGGER_DEBOUNCE_SECONDS": "2.5",
            "MOCKPILOT_OUTPUT_FOLDER": "/tmp/ui", "MOCKPILOT_INPUT_REALTIME": "true", "XDG_CONFIG_HOME": cwd,
        ], currentDirectory: cwd)
        let s = try loader.load().settings
        #expect(s.openAIKey == "sk-test" && s.redisURL == "redis://localhost:6379")
        #expect(s.debounceSeconds == 2.5 && s.outputFolder == "/tmp/ui" && s.realtime)
        let bad = SettingsLoader(environment: ["MOCKPILOT_SPEECH_THREADS": "many", "XDG_CONFIG_HOME": cwd], currentDirectory: cwd)
        #expect(throws: ConfigError.badEnvironment(variable: "MOCKPILOT_SPEECH_THREADS", reason: "expected a whole number")) {
            try bad.load()
        }
    }

    @Test func secretsAreMaskedWhenShown() {
        var s = Settings()
        s.openAIKey = "sk-live-123"
        let lines = SettingsLoader.describe(s)
        #expect(lines.contains("llm.openai_api_key = \"********\""))
        #expect(!lines.joined().contains("sk-live-123"))
    }
}
