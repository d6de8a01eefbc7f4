import ArgumentParser
import Core
import Embedding
import Foundation
import Insight

/// `mockpilot embed`: MiniLM sentence embeddings, one JSON line per input line.
struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Embed text lines or JSON Lines ({\"text\": ...}) with all-MiniLM-L6-v2; prints {text, embedding}.",
        discussion: """
        384 floats per line, L2-normalised (cosine = dot product). Weights from scripts/models.sh. Input as \
        for `sentiment`: blank lines skipped, an empty input prints nothing, a bad line is one error.
        """)

    @Argument(help: ArgumentHelp("Text or JSON Lines file; - for stdin.", valueName: "file"))
    var file: String = "-"

    func run() throws {
        let model: MiniLM
        let records: [TextRecord]
        do {
            model = try MiniLM(modelsDirectory: Paths.models())
            records = try TextInput.read(path: file)
        } catch let error as LocalizedError {
            throw CleanExit.failure(error.errorDescription ?? "\(error)")
        }
        for record in records {
            let vector = model.embed(record.text).map { String(format: "%.7g", $0) }.joined(separator: ",")
            var json = OrderedJSON()
            json.add("text", record.text)
            json.add("embedding", raw: "[" + vector + "]")
            print(json.line)
        }
    }
}
