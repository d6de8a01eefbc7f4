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

    @Option(help: ArgumentHelp("""
        Check parity instead: a JSON Lines file of {text, input_ids, embedding} computed by \
        sentence-transformers (../shared/eval/minilm_reference.jsonl); prints ids matched and the cosines, \
        and fails below 0.999.
        """, valueName: "file"))
    var reference: String?

    func run() throws {
        let model: MiniLM
        let records: [TextRecord]
        do {
            model = try MiniLM(modelsDirectory: Paths.models())
            if let reference {
                try checkParity(model: model, reference: reference)
                return
            }
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

    /// Word-piece ids must be identical and every embedding within cosine 0.999 of the reference.
    private func checkParity(model: MiniLM, reference: String) throws {
        struct Row: Decodable {
            var text: String
            var input_ids: [Int32]
            var embedding: [Float]
        }
        guard let data = FileManager.default.contents(atPath: reference), let text = String(data: data, encoding: .utf8) else {
            throw CleanExit.failure("\(reference): not found; it is ../shared/eval/minilm_reference.jsonl beside the repository")
        }
        var idsMatched = 0, passed = 0, rows = 0
        var worst: Float = 1
        for (number, line) in TextInput.lines(text).enumerated() where !line.allSatisfy(\.isWhitespace) {
            guard let row = try? JSONDecoder().decode(Row.self, from: Data(line.utf8)) else {
                throw CleanExit.failure("\(reference):\(number + 1): expected {text, input_ids, embedding}")
            }
            rows += 1
            if model.tokenizer.encode(row.text) == row.input_ids { idsMatched += 1 }
            let cosine = zip(model.embed(row.text), row.embedding).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            worst = min(worst, cosine)
            if cosine >= 0.999 { passed += 1 }
        }
        print("minilm: \(rows) sentences, word-piece ids identical \(idsMatched)/\(rows), cosine >= 0.999 \(passed)/\(rows), "
              + String(format: "min cosine %.7f", worst))
        guard rows > 0, idsMatched == rows, passed == rows else { throw ExitCode.failure }
    }
}
