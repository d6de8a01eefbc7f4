import ArgumentParser
import Core
import Foundation
import Insight

/// `mockpilot sentiment`: VADER scores for each line of a file or stdin.
struct SentimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Score text lines or JSON Lines ({\"text\": ...}) with VADER; prints {text, compound, pos, neu, neg}.",
        discussion: """
        Uses the lexicons unpacked by scripts/models.sh under <data>/models/vader. Blank lines are skipped, \
        so an empty input prints nothing and succeeds; a line starting with { must be JSON with a text \
        field, and a binary file is refused, each as one error naming the line.
        """)

    @Argument(help: ArgumentHelp("Text or JSON Lines file; - for stdin.", valueName: "file"))
    var file: String = "-"

    func run() throws {
        do {
            let analyzer = try VaderAnalyzer(modelsDirectory: Paths.models())
            var out = ""
            for record in try TextInput.read(path: file) {
                let s = analyzer.score(record.text)
                var json = OrderedJSON()
                json.add("text", record.text)
                json.add("compound", s.compound)
                json.add("pos", s.pos)
                json.add("neu", s.neu)
                json.add("neg", s.neg)
                out += json.line + "\n"
                if out.utf8.count > 1 << 16 { FileHandle.standardOutput.write(Data(out.utf8)); out = "" }
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        } catch let error as InsightError {
            throw CleanExit.failure(error.localizedDescription)
        }
    }
}
