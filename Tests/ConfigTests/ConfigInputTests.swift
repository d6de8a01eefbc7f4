import Foundation
import TestSupport
import Testing
@testable import Config

/// Settings files and variables as they arrive from outside: Windows line ends, absurd
/// nesting, empty paths, and credentials inside URLs.
@Suite struct ConfigInputTests {
    @Test func aWindowsFileIsReadLineByLine() throws {
        var s = Settings()
        try SettingsLoader.apply("[trigger]\r\nsilence_seconds = 2\r\n\r\n[output]\r\nfolder = \"ui\"\r\n", file: "w.conf", to: &s)
        #expect(s.silenceSeconds == 2 && s.outputFolder == "ui")
        #expect(throws: ConfigError.unknownKey(file: "w.conf", line: 2, key: "trigger.nope")) {
            try SettingsLoader.apply("[trigger]\r\nnope = 1\r\n", file: "w.conf", to: &s)
        }
    }

    @Test func deepNestingIsOneErrorNotAStackOverflow() throws {
        var s = Settings()
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: ConfigError.syntax(file: "d.conf", line: 2, reason: "arrays nested more than \(TOMLReader.maxDepth) deep")) {
            try SettingsLoader.apply("[output]\nallowed_imports = \(deep)\n", file: "d.conf", to: &s)
        }
        // A variable is tried as TOML first: the same nesting must not take every command down.
        let loader = SettingsLoader(environment: ["MOCKPILOT_OUTPUT_ALLOWED_IMPORTS": deep], currentDirectory: "/nonexistent")
        #expect(throws: ConfigError.badEnvironment(variable: "MOCKPILOT_OUTPUT_ALLOWED_IMPORTS",
                                                   reason: "expected an array of strings like [\"a\", \"b\"]")) {
            try loader.load()
        }
        let asString = SettingsLoader(environment: ["MOCKPILOT_UI_THEME": deep], currentDirectory: "/nonexistent")
        #expect(try asString.load().settings.theme == deep)
    }

    @Test func anEmptyOutputFolderIsRefused() {
        var s = Settings()
        #expect(throws: ConfigError.badValue(file: "o.conf", line: 2, key: "output.folder",
                                             reason: "expected a folder path, got an empty string")) {
            try SettingsLoader.apply("[output]\nfolder = \"\"\n", file: "o.conf", to: &s)
        }
    }

    @Test func credentialsInsideURLsAreMaskedWhenShown() {
        var s = Settings()
        s.redisURL = "redis://default:hunter2@cache.internal:6379/0"
        s.weaviateURL = "https://admin:s3cret@weaviate.example/v1?api_key=abc123&class=Post"
        s.llmBaseURL = "http://localhost:11434/v1"
        let lines = SettingsLoader.describe(s)
        #expect(lines.contains("services.redis_url = \"redis://********@cache.internal:6379/0\""))
        #expect(lines.contains("services.weaviate_url = \"https://********@weaviate.example/v1?api_key=********&class=Post\""))
        #expect(lines.contains("llm.base_url = \"http://localhost:11434/v1\""))
        for secret in ["hunter2", "s3cret", "abc123", "default:", "admin"] {
            #expect(!lines.joined().contains(secret), "\(secret) was shown")
        }
    }
}
