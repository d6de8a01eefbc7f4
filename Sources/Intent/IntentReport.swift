import Core

/// Counts from scoring intents against labels, and the table `mockpilot eval intents` prints.
public struct IntentReport: Sendable, Equatable {
    /// True/false positives and false negatives of one measure.
    public struct Counts: Sendable, Equatable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double {
            let p = precision, r = recall
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }

        mutating func add(gold: Set<String>, found: Set<String>) {
            truePositives += gold.intersection(found).count
            falsePositives += found.subtracting(gold).count
            falseNegatives += gold.subtracting(found).count
        }
    }

    public var lines = 0
    public var detection = Counts()
    public var styles = Counts()
    public var brands = Counts()
    public var colors = Counts()
    /// Among design lines that were detected.
    public var matchedDesign = 0
    public var componentRight = 0
    public var cueRight = 0
    public var refineRight = 0
    /// Among detected refinements (labelled so).
    public var refinements = 0
    public var refersToRight = 0
    /// One line per wrong answer, for tuning by hand.
    public var mistakes: [String] = []
    /// Confidence against labels, for every line scored (published or not).
    public var reliability = Reliability()

    public init() {}

    public var componentAccuracy: Double { ratio(componentRight, matchedDesign) }
    public var cueAccuracy: Double { ratio(cueRight, matchedDesign) }
    public var refineAccuracy: Double { ratio(refineRight, matchedDesign) }
    public var refersToAccuracy: Double { ratio(refersToRight, refinements) }

    /// `confidence`: the best candidate's, published or not; nil when nothing was read.
    mutating func add(gold: LabelledLine, found: IntentMsg?, confidence: Double? = nil) {
        lines += 1
        reliability.add(confidence: confidence ?? found?.confidence, design: gold.design)
        var wrong: [String] = []
        switch (gold.design, found != nil) {
        case (true, true): detection.truePositives += 1
        case (false, true): detection.falsePositives += 1; wrong.append("not a design line")
        case (true, false): detection.falseNegatives += 1; wrong.append("missed")
        case (false, false): break
        }
        let intent = found
        styles.add(gold: gold.design ? Set(gold.styles) : [], found: Set(intent?.styles ?? []))
        brands.add(gold: gold.design ? Set(gold.brandRefs) : [], found: Set(intent?.brandRefs ?? []))
        colors.add(gold: gold.design ? Set(gold.colors) : [], found: Set(intent?.colors ?? []))
        if let intent, gold.design {
            matchedDesign += 1
            if intent.component == gold.component { componentRight += 1 } else {
                wrong.append("component \(intent.component?.rawValue ?? "nil") != \(gold.component?.rawValue ?? "nil")")
            }
            if intent.cue == gold.cue { cueRight += 1 } else { wrong.append("cue \(intent.cue)") }
            if intent.refine == gold.refine { refineRight += 1 } else { wrong.append("refine \(intent.refine)") }
            if gold.refine {
                refinements += 1
                if intent.refersTo == gold.refersTo { refersToRight += 1 } else {
                    wrong.append("refers_to \(intent.refersTo?.rawValue ?? "nil") != \(gold.refersTo?.rawValue ?? "nil")")
                }
            }
            if Set(intent.styles) != Set(gold.styles) { wrong.append("styles \(intent.styles) != \(gold.styles)") }
            if Set(intent.brandRefs) != Set(gold.brandRefs) { wrong.append("brands \(intent.brandRefs) != \(gold.brandRefs)") }
            if Set(intent.colors) != Set(gold.colors) { wrong.append("colors \(intent.colors) != \(gold.colors)") }
        }
        if !wrong.isEmpty {
            let score = (confidence ?? found?.confidence).map { String(format: "%.2f", $0) } ?? "none"
            mistakes.append("\(gold.id) (\(score)): \(wrong.joined(separator: "; ")) | \(gold.text)")
        }
    }

    /// Adds another report's counts to these: figures pooled over several sets.
    public mutating func absorb(_ other: IntentReport) {
        lines += other.lines
        for (mine, theirs) in [(\IntentReport.detection, other.detection), (\.styles, other.styles), (\.brands, other.brands), (\.colors, other.colors)] {
            self[keyPath: mine].truePositives += theirs.truePositives
            self[keyPath: mine].falsePositives += theirs.falsePositives
            self[keyPath: mine].falseNegatives += theirs.falseNegatives
        }
        matchedDesign += other.matchedDesign
        componentRight += other.componentRight
        cueRight += other.cueRight
        refineRight += other.refineRight
        refinements += other.refinements
        refersToRight += other.refersToRight
        mistakes += other.mistakes
        reliability.absorb(other.reliability)
    }

    /// The figures as an aligned text table.
    public var table: String {
        func pct(_ x: Double) -> String { String(format: "%5.1f%%", x * 100) }
        func row(_ name: String, _ c: Counts) -> String {
            name.padding(toLength: 22, withPad: " ", startingAt: 0)
                + "P \(pct(c.precision))  R \(pct(c.recall))  F1 \(pct(c.f1))"
        }
        func acc(_ name: String, _ right: Int, _ of: Int) -> String {
            name.padding(toLength: 22, withPad: " ", startingAt: 0) + "\(pct(ratio(right, of)))  (\(right)/\(of))"
        }
        return [
            "lines scored          \(lines)",
            row("design detection", detection) + "  (tp \(detection.truePositives), fp \(detection.falsePositives), fn \(detection.falseNegatives))",
            acc("component accuracy", componentRight, matchedDesign),
            row("style", styles),
            row("brand", brands),
            row("colour", colors),
            acc("cue accuracy", cueRight, matchedDesign),
            acc("refine accuracy", refineRight, matchedDesign),
            acc("refers_to accuracy", refersToRight, refinements),
            reliability.table,
        ].joined(separator: "\n")
    }
}

func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
