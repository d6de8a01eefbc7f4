import Foundation

/// Precision and recall of `DemographicClassifier` per tag on a labelled JSON Lines file
/// (`{"id", "text", "subreddit"|"hashtag", "tags": [...]}`).
public struct DemographicEvaluation: Sendable {
    public struct Counts: Sendable, Hashable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        public var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        public var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
    }

    public var perTag: [String: Counts] = [:]
    public var posts = 0
    /// Posts whose predicted tag set differs from the label, for reading the misses.
    public var mistakes: [(id: String, expected: [String], got: [String])] = []

    public var micro: Counts {
        perTag.values.reduce(into: Counts()) {
            $0.truePositives += $1.truePositives
            $0.falsePositives += $1.falsePositives
            $0.falseNegatives += $1.falseNegatives
        }
    }

    public static func evaluate(labelledFile path: String, classifier: DemographicClassifier) throws -> DemographicEvaluation {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InsightError.missingFile(path: path, hint: "give a labelled JSON Lines file")
        }
        var result = DemographicEvaluation()
        for (number, line) in TextInput.lines(text).enumerated() where !line.allSatisfy(\.isWhitespace) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let body = object["text"] as? String, let expected = object["tags"] as? [String] else {
                throw InsightError.badInput(source: path, line: number + 1, reason: "expected {\"text\": ..., \"tags\": [...]}")
            }
            let community = (object["subreddit"] as? String).map { "r/" + $0 } ?? (object["hashtag"] as? String).map { "#" + $0 }
            let got = Set(classifier.classify(body, community: community).map(\.tag))
            let want = Set(expected)
            for tag in got.union(want) {
                var c = result.perTag[tag] ?? Counts()
                if got.contains(tag) && want.contains(tag) { c.truePositives += 1 }
                if got.contains(tag) && !want.contains(tag) { c.falsePositives += 1 }
                if !got.contains(tag) && want.contains(tag) { c.falseNegatives += 1 }
                result.perTag[tag] = c
            }
            if got != want {
                result.mistakes.append((object["id"] as? String ?? "line \(number + 1)", want.sorted(), got.sorted()))
            }
            result.posts += 1
        }
        return result
    }

    /// One line per tag: `tag  P=0.95 R=0.90 (tp fp fn)`, then the micro average.
    public var report: [String] {
        func row(_ name: String, _ c: Counts) -> String {
            let padded = name.padding(toLength: 13, withPad: " ", startingAt: 0)
            return String(format: "%@ P=%.2f R=%.2f  (tp %d, fp %d, fn %d)", padded, c.precision, c.recall,
                          c.truePositives, c.falsePositives, c.falseNegatives)
        }
        return perTag.keys.sorted().compactMap { tag in perTag[tag].map { row(tag, $0) } }
            + [row("all (micro)", micro), "\(posts) labelled posts, \(mistakes.count) with a different tag set"]
    }
}
