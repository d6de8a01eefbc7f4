import Foundation
import Testing
@testable import Intent

/// The word lists live in one data file, `Sources/Intent/Resources/intent-words.json`, and the
/// Swift source holds none: each list the rules read is named there once, and each list there is
/// read, so a list cannot be edited in one copy and left behind in another.
@Suite struct IntentWordsTests {
    private static let sources = Fixture.repository.appendingPathComponent("Sources/Intent")

    /// Every `set("name")` / `phrases("name")` in the Intent sources.
    private func namesRead() throws -> Set<String> {
        let files = try FileManager.default.contentsOfDirectory(at: Self.sources, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "swift" }
        #expect(files.count > 10, "the Intent sources should be at \(Self.sources.path)")
        var names: Set<String> = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for call in ["set(\"", "phrases(\""] {
                var rest = text[...]
                while let open = rest.range(of: call) {
                    let after = rest[open.upperBound...]
                    guard let close = after.firstIndex(of: "\"") else { break }
                    names.insert(String(after[..<close]))
                    rest = after[close...]
                }
            }
        }
        return names
    }

    @Test func everyListReadIsInTheDataFileAndEveryListThereIsRead() throws {
        let read = try namesRead()
        let stored = Set(Lexicon.words.lists.keys)
        #expect(read.subtracting(stored).isEmpty, "read but not in intent-words.json: \(read.subtracting(stored).sorted())")
        #expect(stored.subtracting(read).isEmpty, "in intent-words.json but never read: \(stored.subtracting(read).sorted())")
    }

    /// No `static let` word list, and no inline list of four words or more checked with `contains`.
    @Test func theSourcesHoldNoWordListsOfTheirOwn() throws {
        let inline = try Regex(#"\["[a-z']+"(, "[a-z']+"){3,}\]\.contains"#)
        let files = try FileManager.default.contentsOfDirectory(at: Self.sources, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "swift" }
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains("static let") && (line.contains(": Set<String> = [") || line.contains(": [[String]] = [")) {
                Issue.record("\(file.lastPathComponent):\(number + 1) declares a word list in Swift; put it in intent-words.json")
            }
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(inline) {
                Issue.record("\(file.lastPathComponent):\(number + 1) checks words against a list written in Swift; put it in intent-words.json")
            }
        }
    }

    @Test func noListHoldsAWordTwice() {
        for (name, list) in Lexicon.words.lists {
            let repeated = Dictionary(grouping: list, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            #expect(repeated.isEmpty, "\(name) repeats \(repeated)")
        }
    }
}
