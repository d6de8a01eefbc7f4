import Foundation

/// Which version of a file is on disk: a rename puts a new inode there, a rewrite a new size or time.
struct FileStamp: Equatable {
    var inode: UInt64
    var size: Int
    var modified: Date

    /// nil when the file does not exist.
    init?(_ path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        modified = (attributes[.modificationDate] as? Date) ?? .distantPast
    }
}
