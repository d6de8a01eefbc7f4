import Foundation
import TestSupport

/// Paths and processes the insight tests share.
enum TestSupport {
    static var referenceScripts: String { Repository.root.path + "/scripts/reference/insights" }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "mockpilot-insight-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
