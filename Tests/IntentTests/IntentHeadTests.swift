import Core
import Foundation
import Testing
@testable import Intent

/// The head's weights and its trainer, without the sentence model: a stand-in embedding.
@Suite struct IntentHeadTests {
    @Test func theBuiltInWeightsLoad() throws {
        let head = try IntentHead.bundled()
        // The line's embedding and the mean of the meeting's last ten lines before it.
        #expect(head.dimension == 2 * 384 && head.contextLines == 10)
        #expect(head.ruleFeatures == RuleFeatures.names)
        #expect(head.weights.count == 2 * 384 + RuleFeatures.names.count)
        #expect(head.combination == .headUnlessSure)
        #expect(head.wordsHash == Lexicon.words.hash)
        // Trained on the tuning sets only: the blind held-out and everyday sets are never among them.
        let trainedOn = try #require(head.notes["trained_on"])
        #expect(trainedOn.contains("intents.dev2.jsonl") && !trainedOn.contains("heldout") && !trainedOn.contains("everyday"))
    }

    @Test func weightsReadBackAsTheyWereWritten() throws {
        let head = try IntentHead.bundled()
        let again = try IntentHead(json: Data(head.json.utf8), source: "round trip")
        #expect(again.json == head.json)
    }

    @Test func weightsForAnotherBuildAreRefusedWithAReason() throws {
        let json = try IntentHead.bundled().json
        let renamed = json.replacingOccurrences(of: "\"length\"", with: "\"width\"")
        #expect(throws: IntentError.badHead(source: "old.json", reason: "its rule features differ from this build's; retrain it")) {
            try IntentHead(json: Data(renamed.utf8), source: "old.json")
        }
        #expect(throws: IntentError.self) { try IntentHead(json: Data("{\"weights\": [1]}".utf8), source: "x.json") }
    }

    @Test func aWordListEditedWithoutRetrainingIsRefusedSayingHowToRetrain() throws {
        let file = Fixture.repository.appendingPathComponent("Sources/Intent/Resources/intent-words.json")
        let original = try String(contentsOf: file, encoding: .utf8)
        #expect(try IntentWords(json: Data(original.utf8), source: "copy").hash == Lexicon.words.hash)
        let edited = original.replacingOccurrences(of: "\"fillers\": [", with: "\"fillers\": [\"innit\", ")
        #expect(edited != original)
        let words = try IntentWords(json: Data(edited.utf8), source: "edited copy")
        let head = Data(try IntentHead.bundled().json.utf8)
        #expect(throws: IntentError.wordsChanged(head: "intent-head.json", trained: Lexicon.words.hash, now: words.hash)) {
            try IntentHead(json: head, source: "intent-head.json", words: words)
        }
        let message = IntentError.wordsChanged(head: "h", trained: "a", now: "b").errorDescription ?? ""
        #expect(message.contains("scripts/train-intents.sh"))
    }

    @Test func anEmbeddingOfAnotherLengthIsRefused() throws {
        #expect(throws: IntentError.embeddingSize(expected: 384, got: 4)) {
            try IntentScorer(head: try IntentHead.bundled(), embedder: WordFlags())
        }
    }

    @Test func anUnreadHeadReadingOtherContextIsRefused() throws {
        var unread = try IntentHead.bundledUnread()
        unread.contextLines = 3
        #expect(throws: IntentError.self) {
            try IntentScorer(head: try IntentHead.bundled(), unread: unread, embedder: Sized(dimension: 384))
        }
    }

    @Test func trainingIsDeterministicAndLearnsWhatItIsShown() throws {
        // The stand-in "embedding" says whether a line talks about lunch: what tells these apart.
        let lines = (0..<12).flatMap { i in [
            LabelledLine(id: "plans-\(2 * i)", text: "A little card for plan \(i), dark.", design: true, component: .card),
            LabelledLine(id: "plans-\(2 * i + 1)", text: "Lunch at \(i) by the card machine.", design: false),
        ] }
        let examples = IntentHeadTrainer.examples(files: [lines], brands: try Fixture.brands(), embedder: WordFlags())
        #expect(examples.count == 24)
        let first = IntentHeadTrainer.train(examples, dimension: 4, l2: 1, combination: .head)
        let second = IntentHeadTrainer.train(examples, dimension: 4, l2: 1, combination: .head)
        #expect(first == second)
        for example in examples {
            #expect((first.probability(example.input) > 0.5) == example.design)
        }
    }

    /// The unread head learns from every line, the ones the rules read nothing in too, by the
    /// line and its meeting alone: its rule features are all zero.
    @Test func theUnreadHeadIsTrainedOnEveryLineWithoutRuleFeatures() throws {
        let lines = [
            LabelledLine(id: "plans-01", text: "Can we get a dark card for the plan?", design: true, component: .card),
            LabelledLine(id: "plans-02", text: "Lunch at one?", design: false),
            LabelledLine(id: "plans-03", text: "Somewhere to see what each plan costs.", design: true, component: .pricing),
        ]
        let read = IntentHeadTrainer.examples(files: [lines], brands: try Fixture.brands(), embedder: WordFlags())
        let every = IntentHeadTrainer.examples(files: [lines], brands: try Fixture.brands(), embedder: WordFlags(), unread: true)
        #expect(read.count < lines.count)
        #expect(every.map(\.design) == lines.map(\.design))
        #expect(every.allSatisfy { Array($0.input[4...]) == RuleFeatures.none })
        #expect(read.contains { Array($0.input[4...]) != RuleFeatures.none })
    }

    @Test func theHeadReadsTheMeanOfTheMeetingsLastLinesAndNothingFromTheMeetingBefore() throws {
        let lines = [
            LabelledLine(id: "lunch-01", text: "Lunch at one?", design: false),
            LabelledLine(id: "lunch-02", text: "Fine, lunch at one.", design: false),
            LabelledLine(id: "lunch-03", text: "And the quarterly numbers.", design: false),
            LabelledLine(id: "lunch-04", text: "Can we get a dark card for the plan?", design: true, component: .card),
            LabelledLine(id: "review-01", text: "Can we get a dark card for the plan?", design: true, component: .card),
        ]
        #expect(IntentEvaluation.meetings(lines).map { $0.map(\.id) } == [["lunch-01", "lunch-02", "lunch-03", "lunch-04"], ["review-01"]])
        // One file of two meetings: the trainer cuts it.
        let examples = IntentHeadTrainer.examples(files: [lines], brands: try Fixture.brands(), embedder: WordFlags(), contextLines: 2)
        let asks = examples.filter(\.design)
        #expect(asks.count == 2)
        // [line 4 values, mean of the two lines before it, rule features]: one of them spoke of lunch.
        #expect(Array(asks[0].input[0..<8]) == [0, 1, 1, 1, 0.5, 0, 0, 1])
        // The first line of a meeting has no context, whatever the meeting before said.
        #expect(Array(asks[1].input[4..<8]) == [0, 0, 0, 0])
    }

    @Test func theSameAskScoresLowerInAMeetingAboutSomethingElse() throws {
        // A head that only reads its context: lunch talk in the last two lines counts against an ask.
        var weights = [Double](repeating: 0, count: 8 + RuleFeatures.names.count)
        weights[4] = -8
        let head = IntentHead(dimension: 8, contextLines: 2, ruleFeatures: RuleFeatures.names, weights: weights, bias: 2, combination: .head)
        let scorer = try IntentScorer(head: head, embedder: WordFlags())
        func confidence(after before: [String]) throws -> Double {
            var extractor = IntentExtractor(brands: try Fixture.brands(), scorer: scorer)
            for (i, text) in before.enumerated() { _ = extractor.assess(Utterance(id: "b\(i)", msg: TranscriptMsg(text: text, tsStart: 0, tsEnd: 0))) }
            let ask = Utterance(id: "ask", msg: TranscriptMsg(text: "Can we get a dark card for the plan?", tsStart: 0, tsEnd: 0))
            let intent = extractor.assess(ask)
            return try #require(intent).confidence
        }
        let design = try confidence(after: ["The pricing page needs work.", "Agreed, the plans are hard to compare."])
        let lunch = try confidence(after: ["Lunch at one?", "Fine, lunch at one."])
        // Lunch three lines back is out of the window.
        let earlier = try confidence(after: ["Lunch at one?", "The pricing page needs work.", "Agreed, the plans are hard to compare."])
        #expect(design == 0.88 && earlier == 0.88)
        #expect(lunch == 0.0)
    }

    @Test func aHeadsContextIsReadBackAndCheckedAndOldHeadsReadThreeLines() throws {
        let head = IntentHead(dimension: 8, contextLines: 2, ruleFeatures: RuleFeatures.names,
                              weights: [Double](repeating: 0.5, count: 8 + RuleFeatures.names.count), bias: 0, combination: .head)
        #expect(try IntentHead(json: Data(head.json.utf8), source: "h.json").contextLines == 2)
        let tooMany = head.json.replacingOccurrences(of: "\"context_lines\": 2", with: "\"context_lines\": 5000")
        #expect(throws: IntentError.badHead(source: "h.json", reason: "context of 5000 lines for 8 embedding values")) {
            try IntentHead(json: Data(tooMany.utf8), source: "h.json")
        }
        let old = head.json.replacingOccurrences(of: "\"context_lines\": 2", with: "\"context\": true")
        #expect(try IntentHead(json: Data(old.utf8), source: "old.json").contextLines == 3)
    }

    @Test func theSolverSolvesASymmetricSystem() throws {
        // [4 2; 2 3] x = [2; 1]  ->  x = [0.5, 0]
        let x = try #require(IntentHeadTrainer.solveSymmetric([4, 2, 0, 3], [2, 1], size: 2))
        #expect(abs(x[0] - 0.5) < 1e-12 && abs(x[1]) < 1e-12)
        #expect(IntentHeadTrainer.solveSymmetric([-1, 0, 0, 1], [1, 1], size: 2) == nil)
    }

    @Test func combinationsMixTheTwoScores() {
        #expect(IntentCombination.maximum.confidence(rules: nil, head: 0.8) == 0.8)
        #expect(IntentCombination.maximum.confidence(rules: 0.9, head: 0.2) == 0.9)
        #expect(IntentCombination.head.confidence(rules: 0.9, head: 0.2) == 0.2)
        #expect(IntentCombination.rules.confidence(rules: nil, head: 0.99) == 0)
        #expect(IntentCombination.mean.confidence(rules: 0.9, head: 0.5) == 0.7)
        #expect(IntentCombination.headUnlessSure.confidence(rules: 0.95, head: 0.2) == 0.95)
        // A create request the head all but rules out is only offered.
        #expect(IntentCombination.headUnlessSure.confidence(rules: 0.95, head: 0.05) == IntentCombination.unframed)
        #expect(IntentCombination.headUnlessSure.confidence(rules: 0.9, head: 0.2) == 0.2)
        #expect(IntentCombination.headUnlessSure.confidence(rules: nil, head: 0.75) == IntentCombination.unframed)
        // One the head is all but sure of is still under the bar a component is written at alone.
        #expect(IntentCombination.headUnlessSure.confidence(rules: nil, head: 0.85) == IntentCombination.sureUnframed)
        #expect(IntentCombination.sureUnframed > IntentCombination.unframed && IntentCombination.sureUnframed < 0.75)
        // One it is certain of keeps its probability, and is written alone, unless the line
        // describes how things are.
        #expect(IntentCombination.headUnlessSure.confidence(rules: nil, head: 0.93) == 0.93)
        #expect(IntentCombination.headUnlessSure.confidence(rules: nil, head: 0.93, describesWhatIs: true)
            == IntentCombination.sureUnframed)
        #expect(IntentCombination.unframedCertainHead > IntentCombination.unframedSureHead)
    }
}

/// Four numbers per line: whether it mentions lunch, a card, "dark", and a constant.
struct WordFlags: SentenceEmbedding {
    var dimension: Int { 4 }

    func embed(_ text: String) -> [Float] {
        let t = text.lowercased()
        return [t.contains("lunch") ? 1 : 0, t.contains("card") ? 1 : 0, t.contains("dark") ? 1 : 0, 1]
    }
}

/// An embedding of a given length that says nothing: for checks that never embed.
struct Sized: SentenceEmbedding {
    var dimension: Int
    func embed(_ text: String) -> [Float] { [Float](repeating: 0, count: dimension) }
}
