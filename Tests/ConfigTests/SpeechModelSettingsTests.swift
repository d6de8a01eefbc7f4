import Core
import Foundation
import Testing
@testable import Config

/// `speech.model` takes the names `make models` installs as well as folders, and
/// `speech.language` defaults to detection.
@Suite struct SpeechModelSettingsTests {
    @Test func aModelNameIsItsFolderInTheModelsFolder() throws {
        var s = Settings()
        #expect(s.modelDirectory == Paths.models() + "/whisper-tiny.en")
        try SettingsLoader.apply("[speech]\nmodel = \"base\"\nlanguage = \"de\"\n", file: "m.conf", to: &s)
        #expect(s.modelDirectory == Paths.models() + "/whisper-base")
        #expect(s.language == "de")
        #expect(Settings.modelDirectory("/opt/whisper-small") == "/opt/whisper-small")
        #expect(Settings.modelDirectory("./models/small") == "./models/small")
    }

    @Test func theLanguageIsDetectedUnlessSet() {
        #expect(Settings().language == "auto")
    }
}
