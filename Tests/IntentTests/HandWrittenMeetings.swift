import Foundation
@testable import Intent

/// Meetings written by hand after the rules, in phrasings and traps the dev set does not use
/// (`Meetings/handwritten-*.jsonl`). Kept in the tests so a change that only helps the dev set
/// shows up as a loss here; the intent head is trained on them too, with the dev sets.
enum HandWrittenMeetings {
    static let names = ["onboarding", "traps", "dashboard", "returns", "billing", "help-center"]

    static func load(_ name: String) throws -> [LabelledLine] {
        try IntentEvaluation.load(file: Fixture.meetings.appendingPathComponent("handwritten-\(name).jsonl").path)
    }
}
