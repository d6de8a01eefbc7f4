import Core
import Testing
@testable import Transcript

/// Downstream an utterance is known by its id (the meeting skips an id it has heard, the
/// database keys rows by it), so two JSON Lines sharing an id used to lose the later line.
@Test func jsonLinesThatShareAnIDAreBothKeptWithAWarning() throws {
    let text = """
        {"id": "a1", "text": "Let's build a pay button.", "ts_start": 1, "ts_end": 3}
        {"id": "a2", "text": "Sounds good.", "ts_start": 4, "ts_end": 5}
        {"id": "a1", "text": "And a dark navbar.", "ts_start": 6, "ts_end": 8}
        {"id": "a1-line4", "text": "Taken already.", "ts_start": 9, "ts_end": 10}
        {"id": "a1", "text": "Then a footer.", "ts_start": 11, "ts_end": 12}
        {"id": "a2", "text": "Sounds good.", "ts_start": 4, "ts_end": 5}
        """
    let file = try TranscriptFile.parse(text, file: "m.jsonl")
    #expect(file.utterances.map(\.msg.text) == ["Let's build a pay button.", "Sounds good.", "And a dark navbar.",
                                                "Taken already.", "Then a footer.", "Sounds good."])
    let ids = file.utterances.map(\.id)
    // The last line repeats line 2 exactly: a redelivery, which keeps its id (and is ignored downstream).
    #expect(ids == ["a1", "a2", "a1-line3", "a1-line4", "a1-line5", "a2"])
    #expect(file.utterances.map { $0.msg.id } == ids)
    #expect(file.warnings.map(\.description) == [
        "m.jsonl:3: id 'a1' is also on line 1; both kept, this one as 'a1-line3'",
        "m.jsonl:5: id 'a1' is also on line 1; both kept, this one as 'a1-line5'",
    ])
}
