import ArgumentParser
import Brands
import Core
import Foundation
import Intent
import Pipeline
import Synchronization

/// `mockpilot eval`: measure a stage against labelled data.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure a stage against a labelled set.",
        subcommands: [EvalIntentsCommand.self, TrainIntentsCommand.self, EvalOutcomeCommand.self])
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
        calibration error and Brier score, and the time per line. With --train-on, a head is first \
        trained on those files only and FILE is scored with it: cross-set validation.
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

    @OptionGroup var head: HeadOptions

    @Option(parsing: .upToNextOption, help: "Train a head on these labelled files (never FILE) and score FILE with it.")
    var trainOn: [String] = []

    @Option(help: "L2 penalty when training with --train-on.")
    var l2: Double = HeadOptions.defaultL2

    func validate() throws {
        if let holdout, holdout < 2 { throw ValidationError("--holdout must be 2 or more") }
        let scored = URL(fileURLWithPath: file).standardizedFileURL.path
        if trainOn.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == scored }) {
            throw ValidationError("--train-on must not include the file being scored")
        }
        try head.validate()
    }

    /// The 95th percentile of the time one line takes, in milliseconds, over a second pass.
    static func p95(_ lines: [LabelledLine], extractor: IntentExtractor) -> Double {
        var extractor = extractor
        let clock = ContinuousClock()
        var times: [Double] = []
        for line in lines {
            let utterance = Utterance(id: line.id, msg: TranscriptMsg(text: line.text, tsStart: 0, tsEnd: 0, id: line.id))
            let took = clock.measure { _ = extractor.assess(utterance) }
            times.append(Double(took.components.attoseconds) / 1e15 + Double(took.components.seconds) * 1000)
        }
        times.sort()
        return times.isEmpty ? 0 : times[min(times.count - 1, times.count * 95 / 100)]
    }

    func run() throws {
        let lines = try IntentEvaluation.load(file: file)
        let brands = try ExtractCommand.loadBrands(themes: themes)
        var about = "intent head: none, rules alone"
        var scorer: IntentScorer?
        if !head.rulesOnly {
            let embedder: MeetingSetup.MiniLMSentences
            do { embedder = try MeetingSetup.MiniLMSentences() } catch {
                throw CleanExit.failure("\((error as? LocalizedError)?.errorDescription ?? "\(error)") (or pass --rules-only)")
            }
            if trainOn.isEmpty {
                scorer = try head.scorer(embedder: embedder)
                about = "intent head: \(head.headFile ?? "built in"), combination \(scorer?.combination.rawValue ?? "")"
            } else {
                let training = try trainOn.map { try IntentEvaluation.load(file: $0) }
                let examples = IntentHeadTrainer.examples(files: training, brands: brands, embedder: embedder)
                let trained = IntentHeadTrainer.train(examples, dimension: embedder.dimension, l2: l2,
                                                      combination: head.combination ?? HeadOptions.defaultCombination)
                scorer = try IntentScorer(head: trained, embedder: embedder)
                about = "intent head: trained on \(examples.count) lines of \(trainOn.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")) (l2 \(l2)), combination \(scorer?.combination.rawValue ?? "")"
            }
        }
        let extractor = IntentExtractor(brands: brands, threshold: threshold, scorer: scorer)
        let started = Date()
        let report = IntentEvaluation.score(lines, extractor: extractor) { index in
            guard let n = holdout else { return true }
            return (index % n == n - 1) != complement
        }
        let perLine = Date().timeIntervalSince(started) * 1000 / Double(lines.count)
        print(report.table)
        print(about)
        print(String(format: "time per line         %.2f ms (rules%@)", perLine, scorer == nil ? "" : ", and the head where it could change the outcome"))
        print(String(format: "time per line, p95    %.2f ms", Self.p95(lines, extractor: extractor)))
        if let scorer {
            // The embedding on its own, for lines the head is asked about.
            let sample = lines.prefix(100)
            let embedding = Date()
            for line in sample { _ = scorer.embedder.embed(line.text) }
            print(String(format: "MiniLM embedding      %.2f ms per line embedded", Date().timeIntervalSince(embedding) * 1000 / Double(sample.count)))
        }
        if verbose {
            for line in report.mistakes { print("  " + line) }
        }
    }
}

/// `mockpilot eval train-intents FILE...`: fits the intent head and writes its weights, or with
/// `--cross` scores every file with heads trained on all the others.
struct TrainIntentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-intents",
        abstract: "Train the intent head on labelled JSON Lines files and write its weights (JSON).",
        discussion: """
        Deterministic: the same files give the same weights. scripts/train-intents.sh runs it on the \
        committed sets. --cross leaves each file out in turn, trains on the rest and scores the file \
        left out, for every combination and penalty given: the figures to choose them by.
        """)

    @Argument(help: "Labelled meetings, each read in order.")
    var files: [String]

    @Option(help: "Where to write the head (Sources/Intent/Resources/intent-head.json is the built-in one).")
    var out: String?

    @Option(help: "L2 penalty on the standardised weights (repeat with --cross to compare).")
    var l2: [Double] = [HeadOptions.defaultL2]

    @Option(help: "How the head and the rules combine: \(IntentCombination.allCases.map(\.rawValue).joined(separator: ", ")).")
    var combine: String = HeadOptions.defaultCombination.rawValue

    @Flag(help: "Cross-set validation instead of training: each file scored by a head trained without it.")
    var cross = false

    @Option(help: "The head also reads the mean embedding of this many lines before each line in its meeting (0: none).")
    var context = 0

    @Option(parsing: .upToNextOption, help: "With --cross, publish at this confidence when scoring each file left out (several to compare).")
    var threshold: [Double] = [0.75]

    @Option(help: "With --cross, leave the files out in this many folds (file i in fold i mod N) instead of one at a time.")
    var folds: Int?

    @Option(help: "With --cross, also write each fold's head (--combine) to DIR/without-NAME.json, NAME the file (or meeting) left out.")
    var heads: String?

    @Flag(help: "With --cross, leave one meeting out at a time rather than one file (own-hotel-03 is in meeting own-hotel).")
    var byMeeting = false

    @Flag(help: "Train the unread head instead (Resources/unread-head.json): every line by its words and meeting, no rule features.")
    var unread = false

    @Option(parsing: .upToNextOption, help: "Real talk with no asks in it (labelled files, every line talk): trained on at --talk-weight.")
    var talk: [String] = []

    @Option(help: "How much each line of --talk counts beside a labelled line.")
    var talkWeight = 0.5

    @Option(help: "Folder holding design_mapper.yaml (default: found next to the binary).")
    var themes: String?

    func validate() throws {
        guard IntentCombination(rawValue: combine) != nil else { throw ValidationError("unknown --combine \(combine)") }
        if !cross, out == nil { throw ValidationError("--out is needed to write the head (or pass --cross)") }
        if cross, !byMeeting, files.count < 2 { throw ValidationError("--cross needs two files or more (or --by-meeting)") }
        if heads != nil, !cross { throw ValidationError("--heads goes with --cross") }
        if byMeeting, !cross { throw ValidationError("--by-meeting goes with --cross") }
        if unread, cross { throw ValidationError("--unread trains one head; its cross validation is not built") }
        if let folds, folds < 2 { throw ValidationError("--folds must be 2 or more") }
        if !(0...IntentHead.maximumContextLines).contains(context) {
            throw ValidationError("--context must be within 0-\(IntentHead.maximumContextLines)")
        }
        if threshold.contains(where: { !(0...1).contains($0) }) { throw ValidationError("--threshold must be within 0-1") }
    }

    func run() throws {
        let brands = try ExtractCommand.loadBrands(themes: themes)
        var meetings = try files.map { try IntentEvaluation.load(file: $0) }
        var names = files.map { URL(fileURLWithPath: $0).lastPathComponent }
        if byMeeting {
            // Each meeting is then its own unit, named as scripts/eval-outcome.sh names its replay.
            meetings = meetings.flatMap(IntentEvaluation.meetings)
            names = meetings.map { String(IntentEvaluation.meeting(of: $0.first?.id ?? "")) }
            if meetings.count < 2 { throw CleanExit.failure("--by-meeting needs two meetings or more; these files hold \(meetings.count)") }
            var seen = Set<String>()
            if let twice = names.first(where: { !seen.insert($0).inserted }) {
                throw CleanExit.failure("meeting \(twice) is in more than one place: its lines must stand together in one file")
            }
        }
        let model: MeetingSetup.MiniLMSentences
        do { model = try MeetingSetup.MiniLMSentences() } catch {
            throw CleanExit.failure((error as? LocalizedError)?.errorDescription ?? "\(error)")
        }
        // Every line embedded once: cross validation trains and scores many heads on the same lines.
        let embedder = Remembered(model: model)
        let talkMeetings = try talk.map { try IntentEvaluation.load(file: $0) }
        let talked = IntentHeadTrainer.examples(files: talkMeetings, brands: brands, embedder: embedder, contextLines: context, unread: unread)
            .map { var e = $0; e.weight = talkWeight; return e }
        if cross { return try crossValidate(meetings, talk: talked, names: names, brands: brands, embedder: embedder) }
        let examples = IntentHeadTrainer.examples(files: meetings, brands: brands, embedder: embedder, contextLines: context, unread: unread)
            + talked
        let penalty = l2.first ?? HeadOptions.defaultL2
        var notes = [
            "trained_on": zip(names, meetings).map { "\($0) (\($1.count))" }.joined(separator: ", "),
            "talk": "\(talk.count) files of real talk, \(talked.count) lines the head is asked about, weight \(talkWeight)",
            "lines": "\(examples.count), \(examples.filter(\.design).count) design",
            "embedding": "all-MiniLM-L6-v2, mean pooled, unit length",
            "l2": "\(penalty)",
            "how": "scripts/train-intents.sh: L2 logistic regression by Newton's method; combination chosen by --cross",
        ]
        if unread {
            notes["lines_read"] = "every line, by its words and its meeting alone (the unread head, asked about the lines the rules read nothing in)"
        }
        let trained = IntentHeadTrainer.train(examples, dimension: embedder.dimension * (context > 0 ? 2 : 1), contextLines: context,
                                              l2: penalty, combination: IntentCombination(rawValue: combine) ?? .maximum, notes: notes)
        let path = out ?? ""
        do { try trained.json.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw CleanExit.failure("cannot write \(path): \(error.localizedDescription)")
        }
        print("wrote \(path): \(examples.count) lines, \(trained.weights.count) weights, combination \(trained.combination.rawValue)")
    }

    private func crossValidate(_ meetings: [[LabelledLine]], talk: [IntentHeadTrainer.Example], names: [String], brands: BrandTable,
                               embedder: Remembered) throws {
        let examples = meetings.map { IntentHeadTrainer.examples(files: [$0], brands: brands, embedder: embedder, contextLines: context) }
        func row(_ name: String, _ r: IntentReport) -> String {
            func pct(_ x: Double) -> String { String(format: "%5.1f", x * 100) }
            return name.padding(toLength: max(30, name.count + 2), withPad: " ", startingAt: 0)
                + "P \(pct(r.detection.precision))  R \(pct(r.detection.recall))  F1 \(pct(r.detection.f1))  component \(pct(r.componentAccuracy))  ECE \(pct(r.reliability.expectedCalibrationError))  false \(r.detection.falsePositives)"
        }
        var rules = IntentReport()
        for meeting in meetings { rules.absorb(IntentEvaluation.score(meeting, extractor: IntentExtractor(brands: brands))) }
        print(row("rules alone, all files", rules))
        // Files are left out a fold at a time: file i is scored in fold i mod `folds` (one file a fold by default).
        let foldCount = min(folds ?? meetings.count, meetings.count)
        for penalty in l2 {
            var pooled: [String: IntentReport] = [:]
            var perFile: [String: [String]] = [:]
            var labels: [String] = []
            for fold in 0..<foldCount {
                let held = meetings.indices.filter { $0 % foldCount == fold }
                let training = examples.indices.filter { !held.contains($0) }.flatMap { examples[$0] } + talk
                let head = IntentHeadTrainer.train(training, dimension: embedder.dimension * (context > 0 ? 2 : 1), contextLines: context,
                                                   l2: penalty, combination: IntentCombination(rawValue: combine) ?? .head,
                                                   notes: ["trained_without": held.map { names[$0] }.joined(separator: ", "), "l2": "\(penalty)"])
                for file in held {
                    if let heads, penalty == l2.first {
                        let path = heads + "/without-" + names[file].replacingOccurrences(of: ".jsonl", with: "") + ".json"
                        do { try head.json.write(toFile: path, atomically: true, encoding: .utf8) } catch {
                            throw CleanExit.failure("cannot write \(path): \(error.localizedDescription)")
                        }
                    }
                    for combination in IntentCombination.allCases where combination != .rules {
                        guard let scorer = try? IntentScorer(head: head, embedder: embedder, combination: combination) else { continue }
                        for publish in threshold {
                            let label = "l2 \(penalty), \(combination.rawValue)" + (threshold.count > 1 ? ", threshold \(publish)" : "")
                            if pooled[label] == nil { labels.append(label) }
                            let report = IntentEvaluation.score(meetings[file], extractor: IntentExtractor(brands: brands, threshold: publish, scorer: scorer))
                            pooled[label, default: IntentReport()].absorb(report)
                            perFile[label, default: []].append(row("  without \(names[file])", report))
                        }
                    }
                }
            }
            for label in labels {
                print(row(label + ", pooled", pooled[label] ?? IntentReport()))
                for line in perFile[label] ?? [] { print(line) }
            }
        }
    }
}

/// Embeddings computed once per line and kept: cross validation trains and scores many heads on
/// the same lines. Only lines the head is asked about are embedded at all.
private final class Remembered: SentenceEmbedding {
    let model: MeetingSetup.MiniLMSentences
    private let vectors = Mutex<[String: [Float]]>([:])
    var dimension: Int { model.dimension }

    init(model: MeetingSetup.MiniLMSentences) {
        self.model = model
    }

    func embed(_ text: String) -> [Float] {
        if let known = vectors.withLock({ $0[text] }) { return known }
        let vector = model.embed(text)
        vectors.withLock { $0[text] = vector }
        return vector
    }
}

/// How `eval intents` and `extract` pick the intent head.
struct HeadOptions: ParsableArguments {
    static let defaultL2 = 3.0
    static let defaultCombination = IntentCombination.maximum

    @Flag(help: "The rules alone, without the embedding head.")
    var rulesOnly = false

    @Option(name: .customLong("head"), help: "Intent head weights (JSON from train-intents) instead of the built-in ones.")
    var headFile: String?

    @Option(name: .customLong("combine"), help: "How rules and head combine: \(IntentCombination.allCases.map(\.rawValue).joined(separator: ", ")) (default: the head's own).")
    var combineName: String?

    var combination: IntentCombination? { combineName.flatMap(IntentCombination.init(rawValue:)) }

    func validate() throws {
        if let combineName, IntentCombination(rawValue: combineName) == nil { throw ValidationError("unknown --combine \(combineName)") }
    }

    /// The chosen head reading `embedder`.
    func scorer(embedder: any SentenceEmbedding) throws -> IntentScorer {
        let weights: IntentHead
        if let headFile {
            guard let data = FileManager.default.contents(atPath: headFile) else { throw IntentError.unreadable(file: headFile) }
            weights = try IntentHead(json: data, source: headFile)
        } else {
            weights = try IntentHead.bundled()
        }
        // The built-in unread head goes with any head that reads as much context as it does.
        let unread = try IntentHead.bundledUnread()
        return try IntentScorer(head: weights, unread: unread.contextLines == weights.contextLines ? unread : nil, embedder: embedder,
                                combination: combination)
    }
}
