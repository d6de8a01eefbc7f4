import Brands
import Foundation

/// The repository's own files, found from this source file's path.
enum Fixtures {
    static var repoRoot: URL {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir.deleteLastPathComponent()
        }
        return dir
    }

    /// The shipped brand table, Themes/design_mapper.yaml.
    static func brands() throws -> BrandTable {
        try BrandTable.load(themesDirectory: repoRoot.appendingPathComponent("Themes").path, userFile: nil)
    }
}
