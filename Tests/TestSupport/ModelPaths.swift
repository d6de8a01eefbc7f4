import Foundation

/// Where the tests look for the weights `make models` installs.
public enum ModelPaths {
    /// $MOCKPILOT_DATA_DIR/models, $XDG_DATA_HOME/mockpilot/models, or ~/.local/share/mockpilot/models.
    public static var folder: String {
        let env = ProcessInfo.processInfo.environment
        if let d = env["MOCKPILOT_DATA_DIR"], !d.isEmpty { return d + "/models" }
        if let x = env["XDG_DATA_HOME"], !x.isEmpty { return x + "/mockpilot/models" }
        return NSHomeDirectory() + "/.local/share/mockpilot/models"
    }

    /// Whisper base (multilingual) as `make models` installs it: the models folder's whisper-base.
    public static var whisperBase: String { folder + "/whisper-base" }

    /// Whisper tiny.en: $MOCKPILOT_WHISPER_MODEL, or ~/.local/share/mockpilot/models/whisper-tiny.en.
    public static var whisperTinyEn: String {
        ProcessInfo.processInfo.environment["MOCKPILOT_WHISPER_MODEL"]
            ?? (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + "/.local/share/mockpilot/models/whisper-tiny.en"
    }
}
