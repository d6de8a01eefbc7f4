import Brands
import Core
import Foundation
import TestSupport
@testable import Intent

/// The repository's own brand table and a helper that feeds lines in meeting order.
enum Fixture {
    static var repository: URL { Repository.root }

    /// Labelled meetings kept with the tests (`Tests/IntentTests/Meetings`).
    static var meetings: URL { repository.appendingPathComponent("Tests/IntentTests/Meetings") }

    static func brands() throws -> BrandTable {
        try BrandTable.load(themesDirectory: repository.appendingPathComponent("Themes").path, userFile: nil)
    }

    static func extractor() throws -> IntentExtractor { IntentExtractor(brands: try brands()) }

    /// Feeds `lines` in order and returns what each produced.
    static func run(_ lines: [String]) throws -> [IntentMsg?] {
        var extractor = try extractor()
        return lines.enumerated().map { i, text in
            extractor.extract(Utterance(id: "u\(i + 1)", msg: TranscriptMsg(text: text, tsStart: Double(i), tsEnd: Double(i) + 1)))
        }
    }

    static func one(_ line: String) throws -> IntentMsg? { try run([line])[0] }
}
