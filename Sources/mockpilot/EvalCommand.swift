import ArgumentParser
import Foundation
import Intent

/// `mockpilot eval`: measure a stage against labelled data.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure a stage against a labelled set.",
        subcommands: [EvalIntentsCommand.self])
}

/// `mockpilot eval intents FILE`: precision/recall of intent extraction on labelled lines.
struct EvalIntentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intents",
        abstract: "Score intent extraction on labelled JSON Lines (intents.dev.jsonl format).",
        discussion: """
        Prints detection precision/recall/F1, component, style, brand and colour figures, then a \
        reliability table: every line binned by the confidence the extractor gave it (published or \
        not; 'none' when nothing was read) beside the share of design lines, with the expected \
        calibration error and Brier score.
        """)

    @Argument(help: "Labelled lines: {\"id\",\"text\",\"design\",\"component\",\"styles\",...}")
    var file: String

    @Option(help: "Publish intents with at least this confidence (0-1).")
    var threshold: Double = 0.75

    @Option(help: "Score only every Nth line (the 'held-out' lines: index % N == N-1); all lines are still fed in order.")
    var holdout: Int?

    @Flag(help: "Score the lines --holdout leaves out instead.")
    var complement = false

    @Flag(help: "List every line scored wrong.")
    var verbose = false

    @Option(help: "Folder holding design_mapper.yaml (default: found next to the binary).")
    var themes: String?

    func validate() throws {
        if let holdout, holdout < 2 { throw ValidationError("--holdout must be 2 or more") }
    }

    func run() throws {
        let lines = try IntentEvaluation.load(file: file)
        let extractor = IntentExtractor(brands: try ExtractCommand.loadBrands(themes: themes), threshold: threshold)
        let report = IntentEvaluation.score(lines, extractor: extractor) { index in
            guard let n = holdout else { return true }
            return (index % n == n - 1) != complement
        }
        print(report.table)
        if verbose {
            for line in report.mistakes { print("  " + line) }
        }
    }
}
