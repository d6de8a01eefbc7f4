import Brands
import Foundation
import TestSupport

/// The repository's own files.
enum Fixtures {
    /// The shipped brand table, Themes/design_mapper.yaml.
    static func brands() throws -> BrandTable {
        try BrandTable.load(themesDirectory: Repository.root.appendingPathComponent("Themes").path, userFile: nil)
    }
}
