import TestSupport
import Testing
@testable import Insight

@Suite struct DemographicClassifierTests {
    let classifier = DemographicClassifier(referenceYear: 2026)

    @Test func selfDescriptionIsEvidence() {
        let tags = classifier.classify("As a senior product designer, this hover state is lovely.")
        #expect(tags == [DemographicTag(tag: "Designer", evidence: "As a senior product designer")])
        #expect(!tags.contains { !$0.inferred })
    }

    @Test func statedAgeBecomesAGeneration() {
        #expect(classifier.classify("I'm 19 and this is fine").map(\.tag) == ["Gen Z"])
        #expect(classifier.classify("I am 35, the font is small").map(\.tag) == ["Millennial"])
        #expect(classifier.classify("i'm 55 years old").map(\.tag) == ["Gen X"])
    }

    @Test func numbersThatAreNotAgesAreIgnored() {
        #expect(classifier.classify("I'm 90% sure the button is a div").isEmpty)
        #expect(classifier.classify("I'm 10 minutes in and lost").isEmpty)
    }

    @Test func otherPeopleAndDenialsAreNotTagged() {
        #expect(classifier.classify("My wife is a designer and hates this").isEmpty)
        #expect(classifier.classify("I'm not a designer but the spacing is off").isEmpty)
    }

    @Test func communityIsAPrior() {
        let tags = classifier.classify("why does every app look the same", community: "r/GenZ")
        #expect(tags == [DemographicTag(tag: "Gen Z", evidence: "r/GenZ")])
    }

    @Test func slangNeedsWordBoundaries() {
        #expect(classifier.classify("no cap this slaps").map(\.tag) == ["Gen Z"])
        // "sus" inside "suspense" and "ate" inside "late" are not slang.
        #expect(classifier.classify("the suspense of a late modal").isEmpty)
    }

    /// The labelled set in this folder (162 posts): precision and recall floors overall and per tag.
    @Test func labelledSetFloors() throws {
        let path = Repository.root.path + "/Tests/InsightTests/demographics_labelled.jsonl"
        let evaluation = try DemographicEvaluation.evaluate(labelledFile: path, classifier: classifier)
        print((["labelled set:"] + evaluation.report).joined(separator: "\n"))
        #expect(evaluation.posts >= 150)
        #expect(evaluation.micro.precision >= 0.9, "\(evaluation.report)")
        #expect(evaluation.micro.recall >= 0.85, "\(evaluation.report)")
        for (tag, counts) in evaluation.perTag where counts.truePositives + counts.falseNegatives >= 3 {
            #expect(counts.precision >= 0.8 && counts.recall >= 0.7, "\(tag): \(counts)")
        }
    }

    /// The held-out set (118 posts) was written before the rules were read and must never be used
    /// to tune them: it measures how the rules do on wording they were not fitted to. Measured
    /// 2026-12-01: micro P 0.82, R 0.31. The floors allow one example of slack per tag (one true
    /// positive fewer, one false positive more) and a few points overall, so they sit below the
    /// figures, not at them.
    @Test func heldOutSetFloors() throws {
        let path = Repository.root.path + "/Tests/InsightTests/demographics_heldout.jsonl"
        let evaluation = try DemographicEvaluation.evaluate(labelledFile: path, classifier: classifier)
        print((["held-out set:"] + evaluation.report).joined(separator: "\n"))
        #expect(evaluation.posts >= 100)
        #expect(evaluation.micro.precision >= 0.75, "\(evaluation.report)")
        #expect(evaluation.micro.recall >= 0.25, "\(evaluation.report)")
        // tag: (true positives at least, false positives at most), from tp/fp measured minus/plus one.
        let floors: [String: (tp: Int, fp: Int)] = [
            "Backend Dev": (1, 1), "Designer": (1, 4), "Founder": (3, 1), "Frontend Dev": (5, 2), "Gen X": (1, 2),
            "Gen Z": (4, 1), "Marketer": (1, 1), "Millennial": (0, 2), "PM": (5, 2), "Student": (0, 1),
        ]
        for (tag, floor) in floors {
            let counts = evaluation.perTag[tag] ?? DemographicEvaluation.Counts()
            #expect(counts.truePositives >= floor.tp && counts.falsePositives <= floor.fp, "\(tag): \(counts)")
        }
    }
}
