import Foundation

/// Where the tests find the repository's own files, and the eval data kept beside it.
public enum Repository {
    /// The folder holding Package.swift, found by walking up from this source file.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }()

    /// ../shared beside the repository: the eval audio, transcripts and reference outputs.
    public static var shared: URL { root.appendingPathComponent("../shared").standardizedFileURL }
}
