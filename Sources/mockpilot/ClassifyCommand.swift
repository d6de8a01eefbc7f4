import ArgumentParser
import Foundation
import Insight

/// `mockpilot classify`: who seems to be talking, as inferred tags with their evidence.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Infer who wrote each post (Designer, Gen Z, PM, ...); prints {post_id, tags:[{tag, inferred, evidence}]}.",
        discussion: """
        Input is one TEXT, or - for stdin with plain lines or JSON Lines ({"id","text","subreddit"|"hashtag"}). \
        Tags are guesses from the wording, never facts about a person. With --labelled FILE, prints \
        precision and recall per tag on a labelled set instead.
        """)

    @Argument(help: ArgumentHelp("Text to classify, or - for stdin.", valueName: "text"))
    var text: String?

    @Option(help: ArgumentHelp("Evaluate on a labelled JSON Lines file ({text, tags}).", valueName: "file"))
    var labelled: String?

    @Option(help: "Year ages are counted from (stated ages -> generation).")
    var year: Int?

    func validate() throws {
        // Ages are subtracted from it: Int.min - 19 would trap, and no post was written in year 10^18.
        if let year, !(1900...9999).contains(year) {
            throw CleanExit.failure("--year \(year): use a year from 1900 to 9999")
        }
    }

    func run() throws {
        let classifier = year.map { DemographicClassifier(referenceYear: $0) } ?? DemographicClassifier()
        do {
            if let labelled {
                let evaluation = try DemographicEvaluation.evaluate(labelledFile: labelled, classifier: classifier)
                evaluation.report.forEach { print($0) }
                return
            }
            guard let text else { throw ValidationError("give a TEXT to classify, - for stdin, or --labelled FILE") }
            let records = text == "-" ? try TextInput.read(path: "-") : [TextRecord(line: 1, text: text)]
            for record in records {
                print(InsightJSON.classification(record, tags: classifier.classify(record.text, community: record.community)))
            }
        } catch let error as InsightError {
            throw CleanExit.failure(error.localizedDescription)
        }
    }
}
