import Foundation
import TestSupport
import Testing
@testable import Insight

@Suite struct VaderAnalyzerTests {
    let analyzer: VaderAnalyzer

    init() throws { analyzer = try VaderAnalyzer(modelsDirectory: ModelPaths.folder) }

    /// The examples and scores printed in the vaderSentiment README.
    @Test(arguments: [
        ("VADER is smart, handsome, and funny.", 0.8316),
        ("VADER is smart, handsome, and funny!", 0.8439),
        ("VADER is very smart, handsome, and funny.", 0.8545),
        ("VADER is VERY SMART, handsome, and FUNNY.", 0.9227),
        ("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342),
        ("VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", 0.9469),
        ("VADER is not smart, handsome, nor funny.", -0.7424),
        ("The book was good.", 0.4404),
        ("At least it isn't a horrible book.", 0.431),
        ("The book was only kind of good.", 0.3832),
        ("The plot was good, but the characters are uncompelling and the dialog is not great.", -0.7042),
        ("Today SUX!", -0.5461),
        ("Today only kinda sux! But I'll get by, lol", 0.5249),
        ("Make sure you :) or :D today!", 0.8633),
        ("Catch utf-8 emoji such as 💘 and 💋 and 😁", 0.875),
        ("Not bad at all", 0.431),
    ])
    func readmeExamples(text: String, compound: Double) {
        #expect(abs(analyzer.score(text).compound - compound) < 0.00005, "\(text)")
    }

    @Test func emptyAndNeutralTextScoreZero() {
        #expect(analyzer.score("") == SentimentScore(compound: 0, pos: 0, neu: 0, neg: 0))
        #expect(analyzer.score("the table has four legs").compound == 0)
    }

    /// The generated corpus scored by the Python reference (in a venv made by scripts/venv.sh)
    /// and by this scorer: at least 99% of compounds within 0.01.
    @Test func parityWithPythonReference() throws {
        let scripts = TestSupport.referenceScripts
        let corpus = try Program.run("/usr/bin/env", ["python3", scripts + "/gen_sentiment_corpus.py", "600", "7"])
        let python = try ReferencePython.vader()
        let reference = try Program.run(python, [scripts + "/vader_reference.py"], stdin: corpus)
        let records = try TextInput.parse(reference, source: "reference")
        #expect(records.count == 600)
        var agree = 0
        for line in reference.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            guard let text = object?["text"] as? String, let expected = object?["compound"] as? Double else {
                throw TestFailure("bad reference line: \(line)")
            }
            if abs(analyzer.score(text).compound - expected) <= 0.01 { agree += 1 }
        }
        #expect(Double(agree) / 600 >= 0.99, "agree on \(agree)/600")
    }
}
