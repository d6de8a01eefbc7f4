import Core
import Foundation

/// One hand-labelled meeting line (the shape of `intents.dev.jsonl`).
public struct LabelledLine: Codable, Sendable, Hashable {
    public var id: String
    public var text: String
    public var design: Bool
    public var component: ComponentKind?
    public var styles: [String]
    public var brandRefs: [String]
    public var colors: [String]
    public var cue: Bool
    public var refine: Bool
    public var refersTo: ComponentKind?

    public init(id: String, text: String, design: Bool, component: ComponentKind? = nil, styles: [String] = [],
                brandRefs: [String] = [], colors: [String] = [], cue: Bool = false, refine: Bool = false,
                refersTo: ComponentKind? = nil) {
        self.id = id
        self.text = text
        self.design = design
        self.component = component
        self.styles = styles
        self.brandRefs = brandRefs
        self.colors = colors
        self.cue = cue
        self.refine = refine
        self.refersTo = refersTo
    }

    enum CodingKeys: String, CodingKey {
        case id, text, design, component, styles, colors, cue, refine
        case brandRefs = "brand_refs"
        case refersTo = "refers_to"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        text = try c.decode(String.self, forKey: .text)
        design = try c.decode(Bool.self, forKey: .design)
        component = try c.decodeIfPresent(ComponentKind.self, forKey: .component)
        styles = try c.decodeIfPresent([String].self, forKey: .styles) ?? []
        brandRefs = try c.decodeIfPresent([String].self, forKey: .brandRefs) ?? []
        colors = try c.decodeIfPresent([String].self, forKey: .colors) ?? []
        cue = try c.decodeIfPresent(Bool.self, forKey: .cue) ?? false
        refine = try c.decodeIfPresent(Bool.self, forKey: .refine) ?? false
        refersTo = try c.decodeIfPresent(ComponentKind.self, forKey: .refersTo)
    }
}

/// Scores the extractor against labelled lines: detection precision/recall/F1, component,
/// cue and refinement accuracy, and micro-averaged F1 of styles, brands and colours.
public enum IntentEvaluation {
    /// Reads a labelled JSON Lines file; blank lines are skipped.
    public static func load(file: String) throws -> [LabelledLine] {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw IntentError.unreadable(file: file)
        }
        var lines: [LabelledLine] = []
        for (number, line) in JSONLines.numberedLines(text) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                lines.append(try JSONLines.decode(LabelledLine.self, from: line))
            } catch {
                throw IntentError.malformedLabel(file: file, line: number, reason: describe(error))
            }
        }
        if lines.isEmpty { throw IntentError.emptyLabelSet(file: file) }
        return lines
    }

    /// The meeting a labelled line belongs to: its id without the line number ("own-hotel-07"
    /// is in "own-hotel"), as scripts/eval-outcome.sh replays them.
    public static func meeting(of id: String) -> Substring {
        var name = id[...]
        while name.last?.isASCII == true, name.last?.isNumber == true { name.removeLast() }
        if name.last == "-" { name.removeLast() }
        return name
    }

    /// A file's lines cut into its meetings, in order: each starts with nothing heard.
    public static func meetings(_ lines: [LabelledLine]) -> [[LabelledLine]] {
        var meetings: [[LabelledLine]] = []
        for line in lines {
            if let last = meetings.last?.last, meeting(of: last.id) == meeting(of: line.id) {
                meetings[meetings.count - 1].append(line)
            } else {
                meetings.append([line])
            }
        }
        return meetings
    }

    /// Runs every line through `extractor` in file order (refinements need the lines before
    /// them), each meeting from a fresh start, and scores the lines whose 0-based index `scored`
    /// accepts.
    public static func score(_ lines: [LabelledLine], extractor: IntentExtractor,
                             scored: (Int) -> Bool = { _ in true }) -> IntentReport {
        var report = IntentReport()
        var index = 0
        for meeting in meetings(lines) {
            var extractor = extractor
            for line in meeting {
                let utterance = Utterance(id: line.id, msg: TranscriptMsg(text: line.text, tsStart: 0, tsEnd: 0, id: line.id))
                let candidate = extractor.assess(utterance)
                let found = candidate.flatMap { $0.confidence >= extractor.threshold ? $0 : nil }
                if scored(index) { report.add(gold: line, found: found, confidence: candidate?.confidence) }
                index += 1
            }
        }
        return report
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx):
            "bad \"\(ctx.codingPath.map(\.stringValue).joined(separator: "."))\""
        case DecodingError.dataCorrupted(let ctx):
            ctx.codingPath.isEmpty ? "not JSON" : "bad \"\(ctx.codingPath.map(\.stringValue).joined(separator: "."))\""
        default: "\(error)"
        }
    }
}
