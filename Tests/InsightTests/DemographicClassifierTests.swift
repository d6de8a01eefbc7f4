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
        let path = TestSupport.repoRoot + "/Tests/InsightTests/demographics_labelled.jsonl"
        let evaluation = try DemographicEvaluation.evaluate(labelledFile: path, classifier: classifier)
        #expect(evaluation.posts >= 150)
        #expect(evaluation.micro.precision >= 0.9, "\(evaluation.report)")
        #expect(evaluation.micro.recall >= 0.85, "\(evaluation.report)")
        for (tag, counts) in evaluation.perTag where counts.truePositives + counts.falseNegatives >= 3 {
            #expect(counts.precision >= 0.8 && counts.recall >= 0.7, "\(tag): \(counts)")
        }
    }
}
