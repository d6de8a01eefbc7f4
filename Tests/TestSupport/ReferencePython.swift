import Foundation

/// The Python venvs the tests run reference implementations (and the /stream client) in, each
/// made once by scripts/venv.sh under ~/.local/share/mockpilot/venv-NAME, with its packages named
/// here and nowhere else among the tests.
public enum ReferencePython {
    /// faster-whisper (and onnxruntime with it): Whisper's and Silero VAD's reference.
    public static func fasterWhisper() throws -> String {
        try python(venv: "reference", ["faster-whisper==1.2.1"])
    }

    /// vaderSentiment, in the same venv as faster-whisper.
    public static func vader() throws -> String {
        try python(venv: "reference", ["vaderSentiment"])
    }

    /// Resemblyzer 0.1.4 on Debian's PyTorch (python3-torch), whose numpy it keeps; resemblyzer
    /// itself without its dependencies, which would pull in another torch.
    public static func resemblyzer() throws -> String {
        try python(venv: "speaker", ["--debian", "torch", "--debian", "numpy", "librosa==0.10.2.post1",
                                     "webrtcvad-wheels==2.0.14", "--no-deps", "resemblyzer==0.1.4"])
    }

    /// `websockets`, for the /stream tests' client.
    public static func websockets() throws -> String {
        try python(venv: "serve-client", ["websockets==15.0.1"])
    }

    /// Schemathesis, which fuzzes `serve` from its OpenAPI document (its `schemathesis` command
    /// is beside the python this returns).
    public static func schemathesis() throws -> String {
        try python(venv: "schemathesis", ["schemathesis==4.32.5"])
    }

    /// The venv's python path; a venv that cannot be made throws with the script's reason.
    static func python(venv name: String, _ packages: [String]) throws -> String {
        try Program.run("/bin/bash", [Repository.root.path + "/scripts/venv.sh", name] + packages)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
