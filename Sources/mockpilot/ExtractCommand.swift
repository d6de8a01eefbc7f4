import ArgumentParser
import Brands
import Core
import Embedding
import Foundation
import Intent
import Pipeline

/// `mockpilot extract`: transcript lines in, design intents out (JSON Lines).
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find design intents in a transcript; prints one IntentMsg JSON line per intent.",
        discussion: """
        Input: TranscriptMsg JSON Lines ({"text","ts_start","ts_end","speaker","id"}) or plain text, \
        one utterance per line. Utterance ids come from the line's "id", else "u<line number>".
        """)

    @Argument(help: "Transcript file, or - for standard input.")
    var file: String = "-"

    @Option(help: "Publish intents with at least this confidence (0-1).")
    var threshold: Double = 0.75

    @Option(help: "Folder holding design_mapper.yaml (default: found next to the binary).")
    var themes: String?

    @OptionGroup var head: HeadOptions

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
        try head.validate()
    }

    func run() throws {
        var scorer: IntentScorer?
        if !head.rulesOnly {
            do {
                let embedder = try MeetingSetup.MiniLMSentences()
                scorer = try head.scorer(embedder: embedder)
            } catch let error as EmbeddingError {
                // Without the model the rules still find intents: say so once, on stderr, and go on.
                let reason = error.errorDescription ?? "\(error)"
                FileHandle.standardError.write(Data("notice: intents from rules alone: \(reason)\n".utf8))
            }
        }
        var extractor = IntentExtractor(brands: try Self.loadBrands(themes: themes), threshold: threshold, scorer: scorer)
        var bad = 0
        func handle(_ line: String, _ number: Int, _ name: String) {
            do {
                guard let utterance = try TranscriptLine.utterance(from: line, number: number, file: name) else { return }
                if IntentExtractor.isCut(utterance.msg.text) {
                    FileHandle.standardError.write(Data("notice: \(name):\(number): longer than \(IntentExtractor.longestUtterance) characters; intents are read from its start only\n".utf8))
                }
                if let intent = extractor.extract(utterance) {
                    // Unbuffered, so downstream stages read each intent as it is found.
                    FileHandle.standardOutput.write(Data((try JSONLines.encode(intent) + "\n").utf8))
                }
            } catch {
                bad += 1
                FileHandle.standardError.write(Data("warning: \(error.localizedDescription)\n".utf8))
            }
        }
        if file == "-" {
            // Line by line, so `... | mockpilot extract -` works on a live transcript.
            var number = 0
            while let line = readLine(strippingNewline: true) {
                number += 1
                handle(line, number, "<stdin>")
            }
        } else {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw IntentError.unreadable(file: file)
            }
            for (number, line) in JSONLines.numberedLines(text) { handle(line, number, file) }
        }
        if bad > 0 { throw ExitCode(1) }
    }

    /// The installed brand table merged with the user's `design_mapper.yaml`.
    static func loadBrands(themes: String?) throws -> BrandTable {
        guard let dir = ThemesLocator.locate(configured: themes) else {
            throw ValidationError(BrandError.missing(file: "Themes/design_mapper.yaml").localizedDescription)
        }
        let userFile = URL(fileURLWithPath: Paths.userConfig()).deletingLastPathComponent()
            .appendingPathComponent("design_mapper.yaml").path
        return try BrandTable.load(themesDirectory: dir, userFile: userFile)
    }
}
